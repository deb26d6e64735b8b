using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using XaiAot.Chat;

namespace XaiAot;

/// <summary>
/// One call's span and measurements (OpenTelemetry GenAI conventions): started before the request,
/// told of the first chunk, and ended once, with the completion or the error. Created only when
/// someone listens (<see cref="XaiTelemetry.IsObserved"/>), so an unobserved call pays one check.
/// </summary>
internal sealed class ChatOperation
{
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly bool _recordContent;
    private TagList _metricTags;
    private bool _sawChunk;
    private bool _ended;

    private ChatOperation(ChatCompletionRequest request, Uri endpoint, bool streaming, bool recordContent)
    {
        _started = Stopwatch.GetTimestamp();
        _recordContent = recordContent;
        _metricTags = new TagList
        {
            { "gen_ai.operation.name", "chat" },
            { "gen_ai.provider.name", XaiTelemetry.ProviderName },
            { "gen_ai.request.model", request.Model },
            { "server.address", endpoint.Host },
            { "server.port", endpoint.Port },
        };
        _activity = XaiTelemetry.Source.StartActivity("chat " + request.Model, ActivityKind.Client);
        if (_activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        foreach (KeyValuePair<string, object?> tag in _metricTags)
        {
            activity.SetTag(tag.Key, tag.Value);
        }

        SetIfPresent(activity, "gen_ai.request.max_tokens", request.MaxCompletionTokens ?? request.MaxTokens);
        SetIfPresent(activity, "gen_ai.request.temperature", request.Temperature);
        SetIfPresent(activity, "gen_ai.request.top_p", request.TopP);
        SetIfPresent(activity, "gen_ai.request.frequency_penalty", request.FrequencyPenalty);
        SetIfPresent(activity, "gen_ai.request.presence_penalty", request.PresencePenalty);
        SetIfPresent(activity, "gen_ai.request.seed", request.Seed);
        if (request.N is { } n && n != 1)
        {
            activity.SetTag("gen_ai.request.choice.count", n);
        }

        if (request.Stop is { } stop)
        {
            activity.SetTag("gen_ai.request.stop_sequences", stop.IsString ? new[] { stop.AsString } : ToArray(stop.AsArray));
        }

        activity.SetTag("xaiaot.stream", streaming);
        if (recordContent)
        {
            activity.SetTag("gen_ai.input.messages", MessageContent.Input(request.Messages));
        }
    }

    /// <summary>Starts a call's telemetry, or returns null when no one listens.</summary>
    public static ChatOperation? Start(ChatCompletionRequest request, Uri endpoint, bool streaming, bool recordContent) =>
        XaiTelemetry.IsObserved ? new ChatOperation(request, endpoint, streaming, recordContent) : null;

    /// <summary>A streamed chunk arrived; the first one gives the time to first chunk.</summary>
    public void Chunk()
    {
        if (_sawChunk)
        {
            return;
        }

        _sawChunk = true;
        if (XaiTelemetry.TimeToFirstChunk.Enabled)
        {
            XaiTelemetry.TimeToFirstChunk.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _metricTags);
        }

        _activity?.AddEvent(new ActivityEvent("gen_ai.first_chunk"));
    }

    /// <summary>The call ended with a completion (whole, or reassembled from the stream).</summary>
    public void Succeeded(ChatCompletion completion)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (completion.Model is { Length: > 0 } model)
        {
            _metricTags.Add("gen_ai.response.model", model);
        }

        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("gen_ai.response.id", completion.Id);
            activity.SetTag("gen_ai.response.model", completion.Model);
            var reasons = new string[completion.Choices.Count];
            for (int i = 0; i < reasons.Length; i++)
            {
                reasons[i] = completion.Choices[i].FinishReason?.Value ?? string.Empty;
            }

            activity.SetTag("gen_ai.response.finish_reasons", reasons);
            if (completion.Usage is { } usage)
            {
                activity.SetTag("gen_ai.usage.input_tokens", usage.PromptTokens);
                activity.SetTag("gen_ai.usage.output_tokens", usage.CompletionTokens);
                SetIfPresent(activity, "gen_ai.usage.reasoning.output_tokens", usage.CompletionTokensDetails?.ReasoningTokens);
                SetIfPresent(activity, "gen_ai.usage.cache_read.input_tokens", usage.PromptTokensDetails?.CachedTokens);
            }

            if (_recordContent)
            {
                activity.SetTag("gen_ai.output.messages", MessageContent.Output(completion));
            }
        }

        if (completion.Usage is { } counted && XaiTelemetry.TokenUsage.Enabled)
        {
            TagList input = _metricTags;
            input.Add("gen_ai.token.type", "input");
            XaiTelemetry.TokenUsage.Record(counted.PromptTokens, input);
            TagList output = _metricTags;
            output.Add("gen_ai.token.type", "output");
            XaiTelemetry.TokenUsage.Record(counted.CompletionTokens, output);
        }

        End(errorType: null, description: null);
    }

    /// <summary>The call failed (or was cancelled): <c>error.type</c> names what happened.</summary>
    public void Failed(Exception exception)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        string errorType = exception switch
        {
            XaiApiException api => ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            OperationCanceledException => "cancelled",
            _ => exception.GetType().FullName ?? "error",
        };
        _metricTags.Add("error.type", errorType);
        End(errorType, exception.Message);
    }

    /// <summary>The caller stopped reading a stream before its end: not an error, nothing more is known.</summary>
    public void Abandoned()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _activity?.SetTag("xaiaot.stream.abandoned", true);
        End(errorType: null, description: null);
    }

    private void End(string? errorType, string? description)
    {
        if (XaiTelemetry.OperationDuration.Enabled)
        {
            XaiTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _metricTags);
        }

        if (_activity is { } activity)
        {
            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error, description);
            }

            activity.Dispose();
        }
    }

    private static void SetIfPresent<T>(Activity activity, string name, T? value)
        where T : struct
    {
        if (value is { } present)
        {
            activity.SetTag(name, present);
        }
    }

    private static string[] ToArray(IReadOnlyList<string> list)
    {
        var array = new string[list.Count];
        for (int i = 0; i < array.Length; i++)
        {
            array[i] = list[i];
        }

        return array;
    }
}
