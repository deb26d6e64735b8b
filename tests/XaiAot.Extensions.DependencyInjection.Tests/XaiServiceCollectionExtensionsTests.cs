using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using XaiAot.Chat;
using XaiAot.Recording;
using XaiAot.Testing;

namespace XaiAot.Extensions.DependencyInjection.Tests;

/// <summary>
/// <c>services.AddXaiChatClient(configuration.GetSection("Xai"))</c>: settings bound from
/// configuration, validated at start, the client made over IHttpClientFactory, and the IChatClient
/// registered through AddChatClient. The network is a replayed recorded conversation.
/// </summary>
public sealed class XaiServiceCollectionExtensionsTests
{
    private const string Key = "xai-di-test-key-0123456789";

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static Cassette Seed() => Cassette.Load(RepositoryPaths.Cassette("xai-grok-code-fast__simple.yaml"));

    [Fact]
    public async Task The_client_is_bound_from_configuration_and_sends_through_the_factory_handlers()
    {
        IConfiguration configuration = Configuration(new()
        {
            ["Xai:ApiKey"] = Key,
            ["Xai:BaseAddress"] = "https://api.x.ai/v1",
            ["Xai:UserAgent"] = "di-test/1",
            ["Xai:RequestTimeout"] = "00:00:30",
            ["Xai:MaxRetries"] = "0",
        });
        var capture = new CapturingHandler();
        var services = new ServiceCollection();
        services.AddXaiChatClient(configuration.GetSection("Xai"))
            .ConfigurePrimaryHttpMessageHandler(() => new CassetteReplayHandler(Seed(), new CassetteReplayOptions { MatchBody = false }))
            .AddHttpMessageHandler(() => capture);

        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        XaiClientSettings settings = provider.GetRequiredService<IOptions<XaiClientSettings>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), settings.RequestTimeout);
        Assert.Equal(0, settings.MaxRetries);

        XaiChatClient client = provider.GetRequiredService<XaiChatClient>();
        Assert.Equal(new Uri("https://api.x.ai/v1/chat/completions"), client.Endpoint);
        ChatCompletionRequest request = System.Text.Json.JsonSerializer.Deserialize(Seed().Interactions[0].Request.Body, XaiChatJsonContext.Default.ChatCompletionRequest)!;
        ChatCompletion completion = await client.CompleteAsync(request);

        Assert.False(string.IsNullOrEmpty(completion.Choices[0].Message.Content));
        Assert.Equal("Bearer " + Key, capture.Authorization);
        Assert.Equal("di-test/1", capture.UserAgent);
    }

    [Fact]
    public async Task AddChatClient_registers_the_IChatClient_with_middleware()
    {
        var services = new ServiceCollection();
        int calls = 0;
        services.AddXaiChatClient(settings => settings.ApiKey = Key)
            .ConfigurePrimaryHttpMessageHandler(() => new CassetteReplayHandler(Seed(), new CassetteReplayOptions { MatchBody = false }))
            .AddChatClient("grok-code-fast-1")
            .Use((messages, options, next, cancellationToken) =>
            {
                Interlocked.Increment(ref calls);
                return next(messages, options, cancellationToken);
            });

        using ServiceProvider provider = services.BuildServiceProvider();
        IChatClient chat = provider.GetRequiredService<IChatClient>();
        ChatResponse response = await chat.GetResponseAsync("Say hi");

        Assert.Equal(1, calls);
        Assert.False(string.IsNullOrEmpty(response.Text));
        Assert.NotNull(chat.GetService<XaiChatClient>());
    }

    [Theory]
    [InlineData(null, null, "Xai:ApiKey is not set")]
    [InlineData("k", "ftp://example.com/v1", "Xai:BaseAddress must be an absolute http or https URL")]
    [InlineData("k", null, "Xai:RequestTimeout must be positive", "-00:00:01")]
    public void Bad_settings_stop_the_host_at_start_with_a_message_naming_the_setting(string? key, string? baseAddress, string expected, string? timeout = null)
    {
        IConfiguration configuration = Configuration(new()
        {
            ["Xai:ApiKey"] = key,
            ["Xai:BaseAddress"] = baseAddress,
            ["Xai:RequestTimeout"] = timeout,
        });
        var services = new ServiceCollection();
        services.AddXaiChatClient(configuration.GetSection("Xai"));
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_named_by_base_address_needs_no_key_and_each_client_gets_its_own_frozen_options()
    {
        var services = new ServiceCollection();
        services.AddXaiChatClient(settings => settings.BaseAddress = new Uri("http://localhost:8080/v1"));
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        XaiChatClient first = provider.GetRequiredService<XaiChatClient>();
        XaiChatClient second = provider.GetRequiredService<XaiChatClient>();
        Assert.NotSame(first, second);
        Assert.Equal(new Uri("http://localhost:8080/v1/chat/completions"), first.Endpoint);
    }

    private sealed class CapturingHandler : DelegatingHandler
    {
        public string? Authorization { get; private set; }

        public string? UserAgent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            UserAgent = request.Headers.UserAgent.ToString();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
