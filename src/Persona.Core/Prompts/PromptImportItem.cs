namespace Persona.Core.Prompts;

/// <summary>One prompt's import: the persona it went to, the outcome, and the library's message when it failed.</summary>
public sealed record PromptImportItem(string Name, string PersonaId, PromptImportOutcome Outcome, int? Version, string? Message);
