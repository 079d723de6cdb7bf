using System.Net;
using Persona.Core.Llm;
using Persona.Core.Llm.Ollama;

namespace Persona.Core.Tests.Llm;

public sealed class LlmRuntimeTests
{
    [Fact]
    public async Task GetStatusAsync_AllOffline_ListsEveryRoleAsOffline()
    {
        using var runtime = new LlmRuntime(LlmOptions.AllOffline, []);

        var status = await runtime.GetStatusAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(LlmRole.WellKnown, status.Roles.Select(role => role.Role));
        Assert.All(status.Roles, role => Assert.Equal("offline", role.Strategy));
        Assert.Null(runtime.GetClient(LlmRole.Psychotherapist));
        Assert.Contains("psychotherapist", status.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusAsync_PsychotherapistModelMissing_ShowsUnreachableWithReason()
    {
        var options = new LlmOptions(new Dictionary<LlmRole, LlmRoleOptions>
        {
            [LlmRole.Psychotherapist] = LlmRoleOptions.Offline with { Provider = LlmProviderKind.Ollama, Model = "qwen2.5:7b", Endpoint = new Uri("http://ollama.test:11434") },
        });
        var provider = new OllamaChatClientProvider(() => new HttpClient(new RecordedHttpHandler(
            new RecordedExchange("GET", "/api/tags", null, """{"models":[{"name":"llama3.2:latest"}]}"""))));
        using var runtime = new LlmRuntime(options, [provider]);

        var status = await runtime.GetStatusAsync(cancellationToken: TestContext.Current.CancellationToken);

        var therapist = Assert.Single(status.Unavailable);
        Assert.Equal(LlmRole.Psychotherapist, therapist.Role);
        Assert.Equal("offline", therapist.Strategy);
        Assert.Contains("ollama pull qwen2.5:7b", therapist.Detail, StringComparison.Ordinal);
        Assert.NotNull(runtime.GetClient(LlmRole.Psychotherapist));
    }

    [Fact]
    public async Task GetStatusAsync_ProviderNotInProcess_SaysSo()
    {
        var options = new LlmOptions(new Dictionary<LlmRole, LlmRoleOptions>
        {
            [LlmRole.Namer] = LlmRoleOptions.Offline with { Provider = LlmProviderKind.OpenAICompatible, Model = "gpt-4o-mini" },
        });
        using var runtime = new LlmRuntime(options, []);

        var status = await runtime.GetStatusAsync(cancellationToken: TestContext.Current.CancellationToken);

        var namer = status.Roles.Single(role => role.Role == LlmRole.Namer);
        Assert.False(namer.Reachable);
        Assert.Contains("not available in this process", namer.Detail, StringComparison.Ordinal);
        Assert.Null(runtime.GetClient(LlmRole.Namer));
    }

    [Fact]
    public void LlmRole_EnvironmentNameAndEquality_AreCaseInsensitive()
    {
        Assert.Equal("PROMPT_WRITER", LlmRole.PromptWriter.EnvironmentName);
        Assert.Equal(LlmRole.PromptWriter, new LlmRole("Prompt-Writer"));
    }
}
