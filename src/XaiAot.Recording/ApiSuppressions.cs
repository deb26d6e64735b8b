using System.Diagnostics.CodeAnalysis;

// RS0026 ("do not add multiple overloads with optional parameters") guards against adding such an
// overload to an API that has already shipped, where it would change which overload existing
// callers bind to. These constructors ship together in 1.0 and follow DelegatingHandler's own pair
// (no inner handler, for IHttpClientFactory; or an inner handler): a call can bind to one only.
// Reshaping them belongs to the 1.0 API review, not to this suppression.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member", Target = "~M:XaiAot.Recording.CassetteRecordingHandler.#ctor(XaiAot.Recording.CassetteRecordingOptions)",
    Justification = "Both constructors ship together in 1.0; see the comment above.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member", Target = "~M:XaiAot.Recording.CassetteRecordingHandler.#ctor(System.Net.Http.HttpMessageHandler,XaiAot.Recording.CassetteRecordingOptions)",
    Justification = "Both constructors ship together in 1.0; see the comment above.")]
