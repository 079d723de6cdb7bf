namespace Persona.Core.Training.Synthetic;

/// <summary>The responder's structured answer: the user message the person's opener replies to.</summary>
internal sealed record SyntheticPromptAnswer(string Prompt);
