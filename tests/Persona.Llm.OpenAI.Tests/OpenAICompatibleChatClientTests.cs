using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Persona.Core.Llm;
using Persona.Core.Tests.Llm;

namespace Persona.Llm.OpenAI.Tests;

public sealed class OpenAICompatibleChatClientTests
{
    private static readonly Uri Endpoint = new("http://lmstudio.test:1234/v1");

    [Fact]
    public async Task GetResponseAsync_WithSchema_SendsExactRequestAndReadsAnswer()
    {
        var handler = new RecordedHttpHandler(new RecordedExchange("POST", "/v1/chat/completions",
            """
            {"messages":[{"role":"system","content":"Answer in JSON."},{"role":"user","content":"Name the mode."}],
             "model":"qwen2.5-7b-instruct","temperature":0.25,
             "response_format":{"type":"json_schema","json_schema":{"name":"mode","schema":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]},"strict":false}}}
            """,
            """
            {"id":"chatcmpl-1","object":"chat.completion","created":1767323045,"model":"qwen2.5-7b-instruct",
             "choices":[{"index":0,"message":{"role":"assistant","content":"{\"name\":\"Debugger\"}"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":21,"completion_tokens":6,"total_tokens":27}}
            """));
        using var client = new OpenAICompatibleChatClient("qwen2.5-7b-instruct", Endpoint, null, new HttpClient(handler));
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""").RootElement;

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Answer in JSON."), new ChatMessage(ChatRole.User, "Name the mode.")],
            new ChatOptions { Temperature = 0.25f, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "mode") },
            TestContext.Current.CancellationToken);

        Assert.Equal("""{"name":"Debugger"}""", response.Text);
        Assert.Equal("qwen2.5-7b-instruct", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(27, response.Usage!.TotalTokenCount);
        Assert.Equal(0, handler.Remaining);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ServerSentEvents_YieldsChunks()
    {
        var sse = string.Join("\n\n",
            """data: {"id":"c1","object":"chat.completion.chunk","created":1767323045,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}""",
            """data: {"id":"c1","object":"chat.completion.chunk","created":1767323045,"model":"m","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":null}]}""",
            """data: {"id":"c1","object":"chat.completion.chunk","created":1767323045,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""",
            "data: [DONE]") + "\n\n";
        var handler = new RecordedHttpHandler(new RecordedExchange("POST", "/v1/chat/completions",
            """{"messages":[{"role":"user","content":"Hi"}],"model":"m","stream":true,"stream_options":{"include_usage":true}}""",
            sse, ContentType: "text/event-stream"));
        using var client = new OpenAICompatibleChatClient("m", Endpoint, null, new HttpClient(handler));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Hi")], cancellationToken: TestContext.Current.CancellationToken))
            updates.Add(update);

        Assert.Equal("Hello", string.Concat(updates.Select(update => update.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_ServerError_SurfacesStatusForRetryLayer()
    {
        var handler = new RecordedHttpHandler(new RecordedExchange("POST", "/v1/chat/completions", null,
            """{"error":{"message":"overloaded","type":"server_error"}}""", HttpStatusCode.ServiceUnavailable));
        using var client = new OpenAICompatibleChatClient("m", Endpoint, null, new HttpClient(handler));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task ProbeAsync_ModelsList_FindsModel()
    {
        var provider = new OpenAICompatibleProvider(() => new HttpClient(new RecordedHttpHandler(new RecordedExchange("GET", "/v1/models", null,
            """{"object":"list","data":[{"id":"qwen2.5-7b-instruct","object":"model","created":1,"owned_by":"me"}]}"""))), _ => null);
        var options = LlmRoleOptions.Offline with { Provider = LlmProviderKind.OpenAICompatible, Model = "qwen2.5-7b-instruct", Endpoint = Endpoint };

        var reachability = await provider.ProbeAsync(options, TestContext.Current.CancellationToken);

        Assert.True(reachability.Reachable, reachability.Detail);
    }

    [Fact]
    public async Task ProbeAsync_KeyVariableUnset_SaysWhich()
    {
        var provider = new OpenAICompatibleProvider(null, _ => null);
        var options = LlmRoleOptions.Offline with { Provider = LlmProviderKind.OpenAICompatible, Model = "gpt-4o-mini", ApiKeyEnvironmentVariable = "OPENAI_API_KEY" };

        var reachability = await provider.ProbeAsync(options, TestContext.Current.CancellationToken);

        Assert.False(reachability.Reachable);
        Assert.Contains("OPENAI_API_KEY", reachability.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultProviders_AdapterBesideCore_IsDiscovered()
    {
        var providers = LlmRuntime.DefaultProviders();

        Assert.Contains(providers, provider => provider is OpenAICompatibleProvider);
    }
}
