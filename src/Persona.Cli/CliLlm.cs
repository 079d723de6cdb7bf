using Persona.Core.Llm;
using Persona.Core.Llm.Configuration;
using Persona.Llm.OpenAI;

namespace Persona.Cli;

/// <summary>The LLM runtime every command opens the same way: the given configuration file, else the default lookup.</summary>
internal static class CliLlm
{
    /// <summary>Ollama and OpenAI-compatible providers over <paramref name="config"/> (null: the default lookup).</summary>
    public static LlmRuntime Open(FileInfo? config = null)
    {
        var options = config is null ? LlmConfigLoader.LoadDefault() : LlmConfigLoader.LoadFile(config.FullName);
        return new LlmRuntime(options, LlmRuntime.DefaultProviders(new OpenAICompatibleProvider()));
    }
}
