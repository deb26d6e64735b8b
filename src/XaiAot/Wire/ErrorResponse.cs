using System.Globalization;

namespace XaiAot.Chat;

/// <summary>Reads both error body shapes the same way (the generated record is partial).</summary>
public sealed partial record ErrorResponse
{
    /// <summary>
    /// The human-readable message: xAI's flat <c>error</c> string, or the OpenAI-style
    /// <c>error.message</c>; null when the body has neither.
    /// </summary>
    public string? MessageText => Error switch
    {
        { IsString: true } e => e.AsString,
        { IsErrorDetail: true } e => e.AsErrorDetail.Message,
        _ => null,
    };

    /// <summary>The code as text from either shape (string or integer), preferring the nested one.</summary>
    public string? CodeText => Text(Error is { IsErrorDetail: true } e ? e.AsErrorDetail.Code ?? Code : Code);

    private static string? Text(ErrorCode? code) => code switch
    {
        { IsString: true } c => c.AsString,
        { IsInteger: true } c => c.AsInteger.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
