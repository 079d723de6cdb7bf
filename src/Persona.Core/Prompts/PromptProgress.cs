namespace Persona.Core.Prompts;

/// <summary>Progress of a prompt generation run: persona <see cref="Index"/> of <see cref="Total"/> is done.</summary>
public readonly record struct PromptProgress(string Persona, int Index, int Total);
