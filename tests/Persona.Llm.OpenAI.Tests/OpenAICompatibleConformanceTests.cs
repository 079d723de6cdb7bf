using Microsoft.Extensions.AI;

namespace Persona.Llm.OpenAI.Tests;

/// <summary>
/// Runs against a live OpenAI-compatible server only when <c>PERSONA_TEST_OPENAI_MODEL</c> and
/// <c>PERSONA_TEST_OPENAI_ENDPOINT</c> are set (key, if needed, in <c>PERSONA_TEST_OPENAI_API_KEY</c>);
/// otherwise skipped with that reason. CI has no model server.
/// </summary>
public sealed class OpenAICompatibleConformanceTests
{
    private static OpenAICompatibleChatClient RequireServer()
    {
        var model = Environment.GetEnvironmentVariable("PERSONA_TEST_OPENAI_MODEL");
        var endpoint = Environment.GetEnvironmentVariable("PERSONA_TEST_OPENAI_ENDPOINT");
        if (string.IsNullOrWhiteSpace(model) || string.IsNullOrWhiteSpace(endpoint))
            Assert.Skip("live OpenAI-compatible conformance test: set PERSONA_TEST_OPENAI_MODEL and PERSONA_TEST_OPENAI_ENDPOINT (e.g. http://localhost:11434/v1) to run it");
        return new OpenAICompatibleChatClient(model!, new Uri(endpoint!), Environment.GetEnvironmentVariable("PERSONA_TEST_OPENAI_API_KEY"));
    }

    [Fact]
    public async Task Live_Completion_ReturnsText()
    {
        using var client = RequireServer();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Say hello.")],
            new ChatOptions { MaxOutputTokens = 16, Temperature = 0 }, TestContext.Current.CancellationToken);

        Assert.NotEmpty(response.Text);
    }

    [Fact]
    public async Task Live_Streaming_ProducesText()
    {
        using var client = RequireServer();

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Say hello.")],
            new ChatOptions { MaxOutputTokens = 16 }, TestContext.Current.CancellationToken))
            text += update.Text;

        Assert.NotEmpty(text);
    }
}
