namespace Persona.Core.Library;

/// <summary>The exact system prompt a request would get, and its size.</summary>
/// <param name="SystemPrompt">The final text.</param>
/// <param name="Characters">Length in UTF-16 characters.</param>
/// <param name="Tokens">Token count from <paramref name="TokenCounter"/>.</param>
/// <param name="TokenCounter">Which counter produced <paramref name="Tokens"/>.</param>
/// <param name="TokensAreEstimate">True when no model tokenizer was available.</param>
/// <param name="Resolution">Which persona the prompt came from and why.</param>
public sealed record PromptPreview(string SystemPrompt, int Characters, int Tokens, string TokenCounter, bool TokensAreEstimate, PersonaResolution Resolution);
