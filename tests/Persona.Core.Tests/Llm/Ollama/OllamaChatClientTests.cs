using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Persona.Core.Llm.Ollama;

namespace Persona.Core.Tests.Llm.Ollama;

public sealed class OllamaChatClientTests
{
    private static readonly Uri Endpoint = new("http://ollama.test:11434");

    [Fact]
    public async Task GetResponseAsync_WithSchema_SendsExactRequestAndReadsAnswer()
    {
        var handler = new RecordedHttpHandler(new RecordedExchange("POST", "/api/chat",
            """
            {"model":"llama3.2","messages":[{"role":"system","content":"Answer in JSON."},{"role":"user","content":"Name the mode."}],
             "stream":false,
             "format":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]},
             "options":{"temperature":0.2}}
            """,
            """
            {"model":"llama3.2","created_at":"2026-01-02T03:04:05.678Z","message":{"role":"assistant","content":"{\"name\":\"Debugger\"}"},
             "done":true,"done_reason":"stop","total_duration":123,"prompt_eval_count":26,"eval_count":7}
            """));
        using var client = new OllamaChatClient(Endpoint, "llama3.2", new HttpClient(handler));
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""").RootElement;

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Answer in JSON."), new ChatMessage(ChatRole.User, "Name the mode.")],
            new ChatOptions { Temperature = 0.2f, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "mode") },
            TestContext.Current.CancellationToken);

        Assert.Equal("""{"name":"Debugger"}""", response.Text);
        Assert.Equal("llama3.2", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(26, response.Usage!.InputTokenCount);
        Assert.Equal(7, response.Usage.OutputTokenCount);
        Assert.Equal(0, handler.Remaining);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_NdjsonChunks_YieldsEachChunkThenUsage()
    {
        var ndjson = string.Join("\n",
            """{"model":"llama3.2","created_at":"2026-01-02T03:04:05Z","message":{"role":"assistant","content":"Hel"},"done":false}""",
            """{"model":"llama3.2","created_at":"2026-01-02T03:04:05Z","message":{"role":"assistant","content":"lo"},"done":false}""",
            "",
            """{"model":"llama3.2","created_at":"2026-01-02T03:04:06Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":3,"eval_count":2}""") + "\n";
        var handler = new RecordedHttpHandler(new RecordedExchange("POST", "/api/chat",
            """{"model":"llama3.2","messages":[{"role":"user","content":"Hi"}],"stream":true}""",
            ndjson, ContentType: "application/x-ndjson"));
        using var client = new OllamaChatClient(Endpoint, "llama3.2", new HttpClient(handler));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Hi")], cancellationToken: TestContext.Current.CancellationToken))
            updates.Add(update);

        Assert.Equal(3, updates.Count);
        Assert.Equal("Hello", string.Concat(updates.Select(update => update.Text)));
        Assert.Null(updates[0].FinishReason);
        Assert.Equal(ChatFinishReason.Stop, updates[2].FinishReason);
        var usage = Assert.Single(updates[2].Contents.OfType<UsageContent>());
        Assert.Equal(2, usage.Details.OutputTokenCount);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_BrokenLine_ThrowsNamingTheLine()
    {
        var handler = new RecordedHttpHandler(new RecordedExchange("POST", "/api/chat", null,
            "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"a\"},\"done\":false}\n{not json\n"));
        using var client = new OllamaChatClient(Endpoint, "m", new HttpClient(handler));

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken))
                Assert.Equal("a", update.Text);
        });
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ModelNotFound_ThrowsWithStatusAndServerMessage()
    {
        var handler = new RecordedHttpHandler(new RecordedExchange("POST", "/api/chat", null,
            """{"error":"model \"nope\" not found, try pulling it first"}""", HttpStatusCode.NotFound));
        using var client = new OllamaChatClient(Endpoint, "nope", new HttpClient(handler));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("not found, try pulling it first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListModelsAsync_Tags_ReturnsModelNames()
    {
        var handler = new RecordedHttpHandler(new RecordedExchange("GET", "/api/tags", null,
            """{"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","size":2019393189},{"name":"qwen2.5:7b","model":"qwen2.5:7b"}]}"""));
        using var client = new OllamaChatClient(Endpoint, null, new HttpClient(handler));

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["llama3.2:latest", "qwen2.5:7b"], models);
    }

    [Fact]
    public async Task ProbeAsync_ModelWithoutTag_MatchesLatest()
    {
        var provider = new OllamaChatClientProvider(() => new HttpClient(new RecordedHttpHandler(
            new RecordedExchange("GET", "/api/tags", null, """{"models":[{"name":"llama3.2:latest"}]}"""))));
        var options = Persona.Core.Llm.LlmRoleOptions.Offline with { Provider = Persona.Core.Llm.LlmProviderKind.Ollama, Model = "llama3.2", Endpoint = Endpoint };

        var reachability = await provider.ProbeAsync(options, TestContext.Current.CancellationToken);

        Assert.True(reachability.Reachable, reachability.Detail);
    }

    [Fact]
    public async Task ProbeAsync_NoServer_ReportsUnreachableWithoutThrowing()
    {
        var provider = new OllamaChatClientProvider(() => new HttpClient(new RecordedHttpHandler(
            new RecordedExchange("GET", "/api/tags", null, "bad gateway", HttpStatusCode.BadGateway, "text/plain"))));
        var options = Persona.Core.Llm.LlmRoleOptions.Offline with { Provider = Persona.Core.Llm.LlmProviderKind.Ollama, Model = "llama3.2", Endpoint = Endpoint };

        var reachability = await provider.ProbeAsync(options, TestContext.Current.CancellationToken);

        Assert.False(reachability.Reachable);
        Assert.Contains("502", reachability.Detail, StringComparison.Ordinal);
    }
}
