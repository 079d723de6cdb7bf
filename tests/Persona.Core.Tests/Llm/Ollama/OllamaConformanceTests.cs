using System.Text.Json;
using Microsoft.Extensions.AI;
using Persona.Core.Llm.Ollama;

namespace Persona.Core.Tests.Llm.Ollama;

/// <summary>
/// Runs against a live Ollama server only when <c>PERSONA_TEST_OLLAMA_MODEL</c> names a pulled model
/// (and optionally <c>PERSONA_TEST_OLLAMA_ENDPOINT</c>); otherwise each test is skipped with that reason.
/// CI has no model server, so these never run there.
/// </summary>
public sealed class OllamaConformanceTests
{
    private static (OllamaChatClient Client, string Model) RequireServer()
    {
        var model = Environment.GetEnvironmentVariable("PERSONA_TEST_OLLAMA_MODEL");
        if (string.IsNullOrWhiteSpace(model))
            Assert.Skip("live Ollama conformance test: set PERSONA_TEST_OLLAMA_MODEL (and PERSONA_TEST_OLLAMA_ENDPOINT if not http://localhost:11434) to run it");
        var endpoint = Environment.GetEnvironmentVariable("PERSONA_TEST_OLLAMA_ENDPOINT");
        return (new OllamaChatClient(string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint), model), model!);
    }

    [Fact]
    public async Task Live_ListModels_IncludesConfiguredModel()
    {
        var (client, model) = RequireServer();
        using var _ = client;

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        Assert.Contains(models, name => OllamaChatClientProvider.ModelMatches(name, model));
    }

    [Fact]
    public async Task Live_SchemaFormat_ReturnsJsonObject()
    {
        var (client, _) = RequireServer();
        using var __ = client;
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"colour":{"type":"string"}},"required":["colour"]}""").RootElement;

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Name one colour.")],
            new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "colour") }, TestContext.Current.CancellationToken);

        using var answer = JsonDocument.Parse(response.Text);
        Assert.Equal(JsonValueKind.String, answer.RootElement.GetProperty("colour").ValueKind);
    }

    [Fact]
    public async Task Live_Streaming_ProducesTextAndFinishes()
    {
        var (client, _) = RequireServer();
        using var __ = client;

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Say hello.")],
            new ChatOptions { MaxOutputTokens = 16 }, TestContext.Current.CancellationToken))
            updates.Add(update);

        Assert.NotEmpty(string.Concat(updates.Select(update => update.Text)));
        Assert.NotNull(updates[^1].FinishReason);
    }
}
