using Persona.Core.Llm;
using Persona.Core.Llm.Configuration;
using Persona.Tests;

namespace Persona.Core.Tests.Llm.Configuration;

public sealed class LlmConfigLoaderTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void Load_CommittedDefault_EveryRoleOffline()
    {
        var options = LlmConfigLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "llm.yaml"), NoEnvironment);

        Assert.All(LlmRole.WellKnown, role => Assert.Equal(LlmProviderKind.Offline, options.For(role).Provider));
        Assert.Equal(0.3, options.For(LlmRole.PromptWriter).Temperature, 6);
    }

    [Fact]
    public void Load_EnvironmentOverrides_DefaultsThenRole()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PERSONA_LLM__DEFAULTS__PROVIDER"] = "ollama",
            ["PERSONA_LLM__DEFAULTS__MODEL"] = "llama3.2",
            ["PERSONA_LLM__PROMPT_WRITER__MODEL"] = "qwen2.5:7b",
            ["PERSONA_LLM__PSYCHOTHERAPIST__PROVIDER"] = "openai-compatible",
            ["PERSONA_LLM__PSYCHOTHERAPIST__ENDPOINT"] = "http://localhost:1234/v1",
            ["PERSONA_LLM__PSYCHOTHERAPIST__API_KEY_ENV"] = "LMSTUDIO_KEY",
        };

        var options = LlmConfigLoader.Load(Path.Combine(TestPaths.RepoRoot, "config", "llm.yaml"), environment);

        Assert.Equal(LlmProviderKind.Ollama, options.For(LlmRole.Namer).Provider);
        Assert.Equal("llama3.2", options.For(LlmRole.Namer).Model);
        Assert.Equal("qwen2.5:7b", options.For(LlmRole.PromptWriter).Model);
        var therapist = options.For(LlmRole.Psychotherapist);
        Assert.Equal(LlmProviderKind.OpenAICompatible, therapist.Provider);
        Assert.Equal(new Uri("http://localhost:1234/v1"), therapist.Endpoint);
        Assert.Equal("LMSTUDIO_KEY", therapist.ApiKeyEnvironmentVariable);
    }

    [Fact]
    public void Load_BadValues_ReportsEveryProblemWithFileAndLine()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("llm.yaml");
        File.WriteAllText(path, "roles:\n  namer:\n    provider: gpt\n    temperature: hot\n  planner:\n    provider: ollama\n    colour: red\n");

        var error = Assert.Throws<InvalidDataException>(() => LlmConfigLoader.Load(path, NoEnvironment));

        Assert.Contains($"{path}:3: role namer: unknown provider 'gpt'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}:4: role namer: temperature 'hot' is not a number", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}:7: unknown setting 'colour'", error.Message, StringComparison.Ordinal);
        Assert.Contains("role planner: provider Ollama needs a model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenYaml_NamesTheLine()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("llm.yaml");
        File.WriteAllText(path, "roles:\n  namer: [unclosed\n");

        var error = Assert.Throws<InvalidDataException>(() => LlmConfigLoader.Load(path, NoEnvironment));

        Assert.Contains(path + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadEnvironmentVariable_NamesIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => LlmConfigLoader.Load(null, new Dictionary<string, string?> { ["PERSONA_LLM__NAMER__TEMPERATURE"] = "9" }));

        Assert.Contains("PERSONA_LLM__NAMER__TEMPERATURE", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside 0..2", error.Message, StringComparison.Ordinal);
    }
}
