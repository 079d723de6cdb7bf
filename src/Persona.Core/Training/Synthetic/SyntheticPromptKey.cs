namespace Persona.Core.Training.Synthetic;

/// <summary>What a cached answer answers: the message (by id and text hash), the model that wrote it, and the prompt version.</summary>
internal readonly record struct SyntheticPromptKey(string MessageId, string Provider, string Model, string PromptVersion, string TextSha256);
