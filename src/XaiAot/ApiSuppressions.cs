using System.Diagnostics.CodeAnalysis;

// RS0026 ("do not add multiple overloads with optional parameters") guards against adding such an
// overload to an API that has already shipped, where it would change which overload existing
// callers bind to. These two are shipped together in 1.0 and cannot be confused: the second needs
// an accumulator, so StreamAsync(request) and StreamAsync(request, ct) always bind to the first.
// Reshaping them belongs to the 1.0 API review, not to this suppression.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member", Target = "~M:XaiAot.XaiChatClient.StreamAsync(XaiAot.ChatCompletionRequest,System.Threading.CancellationToken)",
    Justification = "Both overloads ship together in 1.0; see the comment above.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member", Target = "~M:XaiAot.XaiChatClient.StreamAsync(XaiAot.ChatCompletionRequest,XaiAot.ChatCompletionAccumulator,System.Threading.CancellationToken)",
    Justification = "Both overloads ship together in 1.0; see the comment above.")]
