namespace Persona.Core.Prompts;

/// <summary>A real exchange quoted in the prompt: what the person was answering, and what they wrote.</summary>
public sealed record PromptExample(string MessageId, string? Context, string Text);
