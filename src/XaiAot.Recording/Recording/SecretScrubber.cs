using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;

namespace XaiAot.Recording;

/// <summary>
/// Decides which headers are dropped and replaces secret values wherever they appear.
/// </summary>
internal sealed class SecretScrubber
{
    // Substrings of header names that carry credentials: Authorization, Proxy-Authorization,
    // X-Api-Key, Api-Key, X-Auth-Token, Cookie, Set-Cookie, X-Client-Secret, ... A false positive
    // costs a header in a test fixture; a false negative leaks a credential into a repository.
    private static readonly string[] SecretNameParts = ["key", "token", "secret", "auth", "cookie", "password"];

    private readonly string[] _secrets;

    public SecretScrubber(IEnumerable<string?> secrets)
    {
        // Longest first, so a secret that contains another is replaced whole; URL-encoded forms too,
        // because a key in a query string appears escaped.
        _secrets = secrets
            .Where(s => !string.IsNullOrEmpty(s))
            .SelectMany(s => new[] { s!, Uri.EscapeDataString(s!) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    public static bool IsSecretHeaderName(string name)
    {
        foreach (string part in SecretNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public string Scrub(string text)
    {
        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, CassetteRecordingHandler.Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Copies headers, leaving out secret-named ones and scrubbing the values of the rest.</summary>
    public void CopyHeaders(HttpHeaders? headers, MultiValueMap into)
    {
        if (headers is null)
        {
            return;
        }

        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            if (IsSecretHeaderName(header.Key))
            {
                continue;
            }

            foreach (string value in header.Value)
            {
                into.Add(header.Key, Scrub(value));
            }
        }
    }
}
