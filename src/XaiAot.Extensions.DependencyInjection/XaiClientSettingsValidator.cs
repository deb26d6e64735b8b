using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace XaiAot.Extensions.DependencyInjection;

/// <summary>
/// Checks the settings when the host starts (<c>ValidateOnStart</c>), so a missing key or a bad URL
/// stops a service at deployment rather than failing its first request. Hand-written rather than
/// data annotations: those validate by reflection.
/// </summary>
internal sealed class XaiClientSettingsValidator : IValidateOptions<XaiClientSettings>
{
    public ValidateOptionsResult Validate(string? name, XaiClientSettings options)
    {
        var failures = new List<string>();
        if (options.BaseAddress is { } address
            && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add("Xai:BaseAddress must be an absolute http or https URL, such as https://api.x.ai/v1; it is '" + address + "'.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey) && options.BaseAddress is null)
        {
            failures.Add("Xai:ApiKey is not set; xAI needs an API key (a server named by Xai:BaseAddress may not).");
        }

        if (options.RequestTimeout is { } request && request <= TimeSpan.Zero)
        {
            failures.Add("Xai:RequestTimeout must be positive; it is " + request + ".");
        }

        if (options.StreamIdleTimeout is { } idle && idle <= TimeSpan.Zero)
        {
            failures.Add("Xai:StreamIdleTimeout must be positive; it is " + idle + ".");
        }

        if (options.MaxRetries is < 0)
        {
            failures.Add("Xai:MaxRetries cannot be negative; it is " + options.MaxRetries + ".");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
