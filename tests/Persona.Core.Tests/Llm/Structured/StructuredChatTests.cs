using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using Persona.Core.Llm;
using Persona.Core.Llm.Structured;

namespace Persona.Core.Tests.Llm.Structured;

public sealed partial class StructuredChatTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object","properties":{"name":{"type":"string","minLength":2},"score":{"type":"integer","minimum":0}},
         "required":["name","score"],"additionalProperties":false}
        """).RootElement;

    private static StructuredRequest<Answer> Request(Func<Answer, IEnumerable<string>>? check = null) =>
        new([new ChatMessage(ChatRole.User, "Rate it.")], Schema, "answer", AnswerJsonContext.Default.Answer, () => new Answer("offline", 0))
        {
            ChatOptions = new ChatOptions { ModelId = "m", Temperature = 0.1f },
            Check = check,
        };

    [Fact]
    public async Task RequestAsync_NoClient_RunsOffline()
    {
        var result = await StructuredChat.RequestAsync(null, Request(), TestContext.Current.CancellationToken);

        Assert.Equal(new Answer("offline", 0), result.Value);
        Assert.Equal(LlmPath.Offline, result.Provenance.Path);
        Assert.Contains("no model configured", result.Provenance.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAsync_ValidAnswer_ReturnsModelPathAndSendsSchema()
    {
        var client = new ScriptedChatClient().Reply("""{"name":"Ada","score":3}""", model: "llama3.2:latest");

        var result = await StructuredChat.RequestAsync(client, Request(), TestContext.Current.CancellationToken);

        Assert.Equal(new Answer("Ada", 3), result.Value);
        Assert.Equal(LlmPath.Model, result.Provenance.Path);
        Assert.Equal("llama3.2:latest", result.Provenance.Model);
        var format = Assert.IsType<ChatResponseFormatJson>(client.Calls[0].Options!.ResponseFormat);
        Assert.True(JsonElement.DeepEquals(Schema, format.Schema!.Value));
    }

    [Fact]
    public async Task RequestAsync_InvalidThenValid_RepairsOnceListingViolations()
    {
        var client = new ScriptedChatClient()
            .Reply("""{"name":"A","score":-1,"extra":true}""")
            .Reply("```json\n{\"name\":\"Ada\",\"score\":1}\n```");

        var result = await StructuredChat.RequestAsync(client, Request(), TestContext.Current.CancellationToken);

        Assert.Equal(LlmPath.Repaired, result.Provenance.Path);
        Assert.Equal(new Answer("Ada", 1), result.Value);
        var repair = client.Calls[1].Messages[^1].Text;
        Assert.Contains("$.name", repair, StringComparison.Ordinal);
        Assert.Contains("$.score", repair, StringComparison.Ordinal);
        Assert.Contains("$.extra", repair, StringComparison.Ordinal);
        Assert.Equal(ChatRole.Assistant, client.Calls[1].Messages[^2].Role);
    }

    [Fact]
    public async Task RequestAsync_InvalidTwice_FallsBackOfflineWithReason()
    {
        var client = new ScriptedChatClient().Reply("not json").Reply("""{"name":"Ada"}""");

        var result = await StructuredChat.RequestAsync(client, Request(), TestContext.Current.CancellationToken);

        Assert.Equal(LlmPath.Offline, result.Provenance.Path);
        Assert.Equal("offline", result.Value.Name);
        Assert.Contains("missing required property 'score'", result.Provenance.Note, StringComparison.Ordinal);
        Assert.Equal(2, client.Calls.Count);
    }

    [Fact]
    public async Task RequestAsync_SemanticCheckFails_IsRepaired()
    {
        var client = new ScriptedChatClient().Reply("""{"name":"Bob","score":1}""").Reply("""{"name":"Ada","score":1}""");

        var result = await StructuredChat.RequestAsync(client, Request(answer => answer.Name == "Ada" ? [] : ["name must be Ada"]), TestContext.Current.CancellationToken);

        Assert.Equal(LlmPath.Repaired, result.Provenance.Path);
        Assert.Contains("name must be Ada", client.Calls[1].Messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAsync_ServerFails_FallsBackOffline()
    {
        var client = new ScriptedChatClient().Throw(new HttpRequestException("connection refused"));

        var result = await StructuredChat.RequestAsync(client, Request(), TestContext.Current.CancellationToken);

        Assert.Equal(LlmPath.Offline, result.Provenance.Path);
        Assert.Contains("connection refused", result.Provenance.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAsync_Cancelled_Propagates()
    {
        var client = new ScriptedChatClient().Throw(new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => StructuredChat.RequestAsync(client, Request(), TestContext.Current.CancellationToken));
    }

    public sealed record Answer(string Name, int Score);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(Answer))]
    internal sealed partial class AnswerJsonContext : JsonSerializerContext;
}
