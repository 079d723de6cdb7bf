namespace Persona.Core.Prompts;

/// <summary>The prompt-writer model's answer: the refined prompt.</summary>
public sealed record PromptRefinement(string Prompt);
