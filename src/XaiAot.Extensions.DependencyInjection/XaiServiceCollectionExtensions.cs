using System;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using XaiAot.Chat;
using XaiAot.Extensions.AI;

namespace XaiAot.Extensions.DependencyInjection;

/// <summary>Registers <see cref="XaiChatClient"/> (and optionally M.E.AI's <see cref="IChatClient"/>) in a service collection.</summary>
public static class XaiServiceCollectionExtensions
{
    /// <summary>The name of the client's <c>HttpClient</c> in <see cref="System.Net.Http.IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "XaiAot";

    /// <summary>
    /// Registers <see cref="XaiChatClient"/> over <see cref="System.Net.Http.IHttpClientFactory"/> with settings
    /// bound from <paramref name="configuration"/> (e.g. <c>configuration.GetSection("Xai")</c>), then
    /// <paramref name="configure"/>, validated when the host starts.
    /// </summary>
    /// <returns>The builder of the client's named <c>HttpClient</c>, to add handlers.</returns>
    public static IHttpClientBuilder AddXaiChatClient(this IServiceCollection services, IConfiguration configuration, Action<XaiClientSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        OptionsBuilder<XaiClientSettings> settings = services.AddOptions<XaiClientSettings>().Bind(configuration);
        if (configure is not null)
        {
            settings.Configure(configure);
        }

        return AddCore(services, settings);
    }

    /// <summary>Registers <see cref="XaiChatClient"/> with settings set in code, validated when the host starts.</summary>
    public static IHttpClientBuilder AddXaiChatClient(this IServiceCollection services, Action<XaiClientSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, services.AddOptions<XaiClientSettings>().Configure(configure));
    }

    /// <summary>
    /// Registers the client as Microsoft.Extensions.AI's <see cref="IChatClient"/> through
    /// <c>AddChatClient</c>, so middleware (function invocation, logging, caching) is added as usual.
    /// </summary>
    /// <param name="xai">What <c>AddXaiChatClient</c> returned.</param>
    /// <param name="defaultModel">The model used when <c>ChatOptions.ModelId</c> is not set.</param>
    public static ChatClientBuilder AddChatClient(this IHttpClientBuilder xai, string? defaultModel = null)
    {
        ArgumentNullException.ThrowIfNull(xai);
        return xai.Services.AddChatClient(services => services.GetRequiredService<XaiChatClient>().AsIChatClient(defaultModel));
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, OptionsBuilder<XaiClientSettings> settings)
    {
        settings.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XaiClientSettings>, XaiClientSettingsValidator>());

        // A typed client made by a factory delegate: IHttpClientFactory owns the handlers (pooling,
        // DNS refresh) and no activator reflection is involved.
        IHttpClientBuilder http = services.AddHttpClient(HttpClientName);
        http.AddTypedClient<XaiChatClient>(static (client, provider) =>
            new XaiChatClient(client, provider.GetRequiredService<IOptions<XaiClientSettings>>().Value.ToClientOptions(provider.GetService<TimeProvider>())));
        return http;
    }
}
