namespace XaiAot.Extensions.AI;

/// <summary>
/// Keys this adapter reads from <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/> and writes to
/// the <c>AdditionalProperties</c> of responses, updates and usage. They are the wire names, so a key seen in xAI's
/// documentation is the key to use here.
/// </summary>
public static class XaiPropertyNames
{
    // ---- Request (ChatOptions.AdditionalProperties) -------------------------------------------------------------

    /// <summary><c>reasoning_effort</c>: a string ("low", "high", ...), an <see cref="XaiAot.Chat.ReasoningEffort"/> or a
    /// <see cref="Microsoft.Extensions.AI.ReasoningEffort"/>. Wins over <c>ChatOptions.Reasoning.Effort</c>.</summary>
    public const string ReasoningEffort = "reasoning_effort";

    /// <summary><c>search_parameters</c> (xAI Live Search): a <see cref="XaiAot.Chat.SearchParameters"/> or its JSON.</summary>
    public const string SearchParameters = "search_parameters";

    /// <summary>
    /// <c>strict</c>: a bool sent as <c>function.strict</c> on every function tool (a function's own
    /// <c>AdditionalProperties["strict"]</c> wins) and as <c>json_schema.strict</c> for a schema response format.
    /// Not sent as a request member.
    /// </summary>
    public const string Strict = "strict";

    /// <summary><c>user</c>: an end-user id string.</summary>
    public const string User = "user";

    /// <summary><c>n</c>: how many choices to generate (only the first becomes the response message; all stay in RawRepresentation).</summary>
    public const string N = "n";

    /// <summary><c>logprobs</c>: a bool.</summary>
    public const string Logprobs = "logprobs";

    /// <summary><c>top_logprobs</c>: an integer.</summary>
    public const string TopLogprobs = "top_logprobs";

    /// <summary><c>logit_bias</c>: token id to bias, as a dictionary or JSON object.</summary>
    public const string LogitBias = "logit_bias";

    /// <summary><c>parallel_tool_calls</c>: a bool (also set by <c>ChatOptions.AllowMultipleToolCalls</c>).</summary>
    public const string ParallelToolCalls = "parallel_tool_calls";

    /// <summary><c>max_completion_tokens</c>: an integer (<c>ChatOptions.MaxOutputTokens</c> maps to <c>max_tokens</c>).</summary>
    public const string MaxCompletionTokens = "max_completion_tokens";

    /// <summary><c>deferred</c>: a bool (xAI deferred completions).</summary>
    public const string Deferred = "deferred";

    /// <summary><c>stream_options</c>: a <see cref="XaiAot.Chat.StreamOptions"/> or its JSON (include_usage is always set when streaming).</summary>
    public const string StreamOptions = "stream_options";

    // ---- Response (ChatResponse / ChatResponseUpdate / ChatMessage AdditionalProperties) -----------------------

    /// <summary><c>citations</c>: the URLs xAI Live Search cited, as a JSON array (JsonElement).</summary>
    public const string Citations = "citations";

    /// <summary><c>system_fingerprint</c>: a string.</summary>
    public const string SystemFingerprint = "system_fingerprint";

    /// <summary><c>service_tier</c>: a string.</summary>
    public const string ServiceTier = "service_tier";

    /// <summary><c>logprobs</c> of the first choice, as JSON (JsonElement).</summary>
    public const string ChoiceLogprobs = "logprobs";

    // ---- Usage (UsageDetails.AdditionalCounts) ------------------------------------------------------------------

    /// <summary><c>num_sources_used</c>: how many Live Search sources were used (xAI bills per source).</summary>
    public const string NumSourcesUsed = "num_sources_used";

    /// <summary><c>cost_in_usd_ticks</c>: the request's cost as xAI reports it.</summary>
    public const string CostInUsdTicks = "cost_in_usd_ticks";

    /// <summary><c>prompt_tokens_details.text_tokens</c>.</summary>
    public const string PromptTextTokens = "prompt_tokens_details.text_tokens";

    /// <summary><c>prompt_tokens_details.audio_tokens</c>.</summary>
    public const string PromptAudioTokens = "prompt_tokens_details.audio_tokens";

    /// <summary><c>completion_tokens_details.audio_tokens</c>.</summary>
    public const string CompletionAudioTokens = "completion_tokens_details.audio_tokens";

    /// <summary><c>prompt_tokens_details.image_tokens</c>.</summary>
    public const string PromptImageTokens = "prompt_tokens_details.image_tokens";

    /// <summary><c>completion_tokens_details.accepted_prediction_tokens</c>.</summary>
    public const string AcceptedPredictionTokens = "completion_tokens_details.accepted_prediction_tokens";

    /// <summary><c>completion_tokens_details.rejected_prediction_tokens</c>.</summary>
    public const string RejectedPredictionTokens = "completion_tokens_details.rejected_prediction_tokens";

    /// <summary><c>completion_tokens</c> exactly as reported, when <c>OutputTokenCount</c> had reasoning tokens added (see the usage remarks).</summary>
    public const string CompletionTokens = "completion_tokens";
}
