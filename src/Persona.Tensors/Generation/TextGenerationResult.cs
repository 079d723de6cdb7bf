namespace Persona.Tensors.Generation;

/// <summary>The generated text (without the prompt), the token ids on both sides, and how long each phase took.</summary>
public sealed record TextGenerationResult(string Text, IReadOnlyList<int> PromptTokens, IReadOnlyList<int> GeneratedTokens, TimeSpan LoadTime, TimeSpan GenerationTime);
