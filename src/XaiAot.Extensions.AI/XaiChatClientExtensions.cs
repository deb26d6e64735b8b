using Microsoft.Extensions.AI;

namespace XaiAot.Extensions.AI;

/// <summary>Creates the <see cref="IChatClient"/> for an <see cref="XaiChatClient"/>.</summary>
public static class XaiChatClientExtensions
{
    /// <summary>
    /// Wraps <paramref name="client"/> as an <see cref="IChatClient"/> (a <see cref="XaiChatClientAdapter"/>), for use
    /// alone or at the bottom of a <c>ChatClientBuilder</c> pipeline.
    /// </summary>
    /// <param name="client">The xAI client that sends the requests.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    public static IChatClient AsIChatClient(this XaiChatClient client, string? defaultModelId = null) =>
        new XaiChatClientAdapter(client, defaultModelId);
}
