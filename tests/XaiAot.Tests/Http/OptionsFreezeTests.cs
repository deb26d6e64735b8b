using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using XaiAot.Chat;
using XaiAot.Tests.Support;

namespace XaiAot.Tests.Http;

/// <summary>Options are frozen once a client uses them, so a client always runs on one fixed set of settings.</summary>
public sealed class OptionsFreezeTests
{
    [Fact]
    public void Options_can_change_until_a_client_is_constructed_with_them()
    {
        var options = new XaiClientOptions { ApiKey = "k" };
        options.UserAgent = "a/1";
        options.Retry.MaxRetries = 5;
        Assert.False(options.IsFrozen);
        Assert.False(options.Retry.IsFrozen);

        _ = new XaiChatClient(new HttpClient(), options);

        Assert.True(options.IsFrozen);
        Assert.True(options.Retry.IsFrozen);
        Assert.Equal("a/1", options.UserAgent);
        Assert.Equal(5, options.Retry.MaxRetries);
    }

    [Fact]
    public void Every_setter_throws_once_a_client_uses_the_options()
    {
        var options = new XaiClientOptions();
        XaiRetryOptions retry = options.Retry;
        _ = new XaiChatClient(new HttpClient(), options);

        Action[] setters =
        [
            () => options.BaseAddress = new Uri("http://localhost/"),
            () => options.ApiKey = "k",
            () => options.UserAgent = "u",
            () => options.RequestTimeout = TimeSpan.FromSeconds(1),
            () => options.StreamIdleTimeout = TimeSpan.FromSeconds(1),
            () => options.Retry = new XaiRetryOptions(),
            () => options.TimeProvider = new FakeTimeProvider(),
            () => retry.MaxRetries = 9,
            () => retry.BaseDelay = TimeSpan.Zero,
            () => retry.MaxDelay = TimeSpan.Zero,
            () => retry.MaxRetryAfter = TimeSpan.Zero,
        ];
        foreach (Action set in setters)
        {
            var error = Assert.Throws<InvalidOperationException>(set);
            Assert.Contains("can no longer change", error.Message, StringComparison.Ordinal);
            Assert.Contains("Create a new", error.Message, StringComparison.Ordinal);
        }

        Assert.Same(retry, options.Retry);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void Frozen_options_can_be_shared_by_several_clients()
    {
        var options = new XaiClientOptions { BaseAddress = new Uri("http://localhost:1/v1/") };
        var first = new XaiChatClient(new HttpClient(), options);
        var second = new XaiChatClient(new HttpClient(), options);
        Assert.Equal(first.Endpoint, second.Endpoint);
    }

    [Fact]
    public void None_is_one_read_only_instance()
    {
        Assert.Same(XaiRetryOptions.None, XaiRetryOptions.None);
        Assert.True(XaiRetryOptions.None.IsFrozen);
        Assert.Equal(0, XaiRetryOptions.None.MaxRetries);
        var error = Assert.Throws<InvalidOperationException>(() => XaiRetryOptions.None.MaxRetries = 3);
        Assert.Contains("XaiRetryOptions.None is shared", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, XaiRetryOptions.None.MaxRetries);
    }

    [Fact]
    public void Null_retry_or_clock_is_refused()
    {
        var options = new XaiClientOptions();
        Assert.Throws<ArgumentNullException>(() => options.Retry = null!);
        Assert.Throws<ArgumentNullException>(() => options.TimeProvider = null!);
    }

    [Fact]
    public async Task A_client_keeps_the_retry_settings_it_was_built_with()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((c, _) =>
        {
            c.Response.StatusCode = 503;
            return c.Response.WriteAsync("busy");
        });
        var options = new XaiClientOptions { Retry = new XaiRetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) } };
        XaiChatClient client = server.Client(options);
        Assert.Throws<InvalidOperationException>(() => options.Retry.MaxRetries = 4);

        await Assert.ThrowsAsync<XaiApiException>(() => client.CompleteAsync(new ChatCompletionRequest
        {
            Model = "grok-4-fast",
            Messages = new ChatMessage[] { new UserMessage { Content = "hi" } },
        }));
        Assert.Equal(2, server.Requests.Count);
    }
}
