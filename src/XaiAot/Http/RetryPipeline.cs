using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace XaiAot;

/// <summary>
/// The retry strategy as a Polly.Core pipeline (a well-kept library: backoff, jitter and the delay
/// loop done right, AOT-clean). Only whole responses with a retriable status are retried; the
/// caller sends the request inside the pipeline and reads no body before it returns.
/// </summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(XaiRetryOptions options, TimeProvider clock)
    {
        if (options.MaxRetries <= 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result is { } response && ShouldRetry(response, options, clock)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? HttpErrors.RetryAfter(response, clock) : null),
                OnRetry = args =>
                {
                    // The refused response is dropped unread; its connection goes back to the pool.
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    public static bool IsRetriableStatus(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static bool ShouldRetry(HttpResponseMessage response, XaiRetryOptions options, TimeProvider clock) =>
        IsRetriableStatus(response.StatusCode)
        && (HttpErrors.RetryAfter(response, clock) is not { } wait || wait <= options.MaxRetryAfter);
}
