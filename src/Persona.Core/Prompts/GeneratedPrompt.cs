using Persona.Core.Llm;

namespace Persona.Core.Prompts;

/// <summary>One persona's system prompt with everything needed to trust it.</summary>
/// <param name="Name">Persona name.</param>
/// <param name="Prompt">The system prompt text.</param>
/// <param name="SourceCluster">The cluster it was built from.</param>
/// <param name="MessageCount">Messages measured.</param>
/// <param name="Claims">Each statement the prompt makes, with the message ids it came from.</param>
/// <param name="Examples">The real exchanges quoted.</param>
/// <param name="Profile">The measurements.</param>
/// <param name="Generator">Offline synthesis, or the prompt-writer model (first answer or repaired) that refined it.</param>
/// <param name="Seed">The run's seed.</param>
public sealed partial record GeneratedPrompt(
    string Name,
    string Prompt,
    string? SourceCluster,
    int MessageCount,
    IReadOnlyList<PromptClaim> Claims,
    IReadOnlyList<PromptExample> Examples,
    StyleProfile Profile,
    LlmProvenance Generator,
    int Seed);
