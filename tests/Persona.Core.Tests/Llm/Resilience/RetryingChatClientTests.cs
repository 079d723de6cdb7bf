using System.Net;
using Microsoft.Extensions.AI;
using Persona.Core.Llm.Resilience;

namespace Persona.Core.Tests.Llm.Resilience;

public sealed class RetryingChatClientTests
{
    private static RetryOptions Fast(int retries = 2, TimeSpan? timeout = null) => new()
    {
        MaxRetries = retries,
        AttemptTimeout = timeout ?? TimeSpan.FromSeconds(10),
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(4),
    };

    [Fact]
    public async Task GetResponseAsync_TransientThenSuccess_Retries()
    {
        var inner = new ScriptedChatClient()
            .Throw(new HttpRequestException("connection refused"))
            .Throw(new HttpRequestException("busy", null, HttpStatusCode.ServiceUnavailable))
            .Reply("ok");
        using var client = new RetryingChatClient(inner, Fast());

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("ok", response.Text);
        Assert.Equal(3, inner.Calls.Count);
    }

    [Fact]
    public async Task GetResponseAsync_ClientError_IsNotRetried()
    {
        var inner = new ScriptedChatClient().Throw(new HttpRequestException("bad request", null, HttpStatusCode.BadRequest));
        using var client = new RetryingChatClient(inner, Fast());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(inner.Calls);
    }

    [Fact]
    public async Task GetResponseAsync_RetriesExhausted_ThrowsLastError()
    {
        var inner = new ScriptedChatClient()
            .Throw(new HttpRequestException("a", null, HttpStatusCode.TooManyRequests))
            .Throw(new HttpRequestException("b", null, HttpStatusCode.TooManyRequests));
        using var client = new RetryingChatClient(inner, Fast(retries: 1));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("b", error.Message);
        Assert.Equal(2, inner.Calls.Count);
    }

    [Fact]
    public async Task GetResponseAsync_AttemptHangs_TimesOutAfterRetries()
    {
        static async Task<ChatResponse> Hang(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken token)
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        }

        var inner = new ScriptedChatClient().Then(Hang).Then(Hang);
        using var client = new RetryingChatClient(inner, Fast(retries: 1, timeout: TimeSpan.FromMilliseconds(50)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, inner.Calls.Count);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_PropagatesWithoutRetry()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var inner = new ScriptedChatClient().Then(async (_, _, token) =>
        {
            await cts.CancelAsync();
            token.ThrowIfCancellationRequested();
            return new ChatResponse();
        });
        using var client = new RetryingChatClient(inner, Fast());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("hi", cancellationToken: cts.Token));

        Assert.Single(inner.Calls);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FailsBeforeFirstChunk_Retries()
    {
        var inner = new ScriptedChatClient().Throw(new HttpRequestException("reset")).Reply("one two");
        using var client = new RetryingChatClient(inner, Fast());

        var texts = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken))
            texts.Add(update.Text);

        Assert.Equal(["one", "two"], texts);
        Assert.Equal(2, inner.Calls.Count);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsOneAggregatedMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => new RetryingChatClient(new ScriptedChatClient(),
            new RetryOptions { MaxRetries = -1, AttemptTimeout = TimeSpan.Zero }));

        Assert.Contains("MaxRetries", error.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", error.Message, StringComparison.Ordinal);
    }
}
