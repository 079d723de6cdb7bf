namespace Persona.Tensors.Tokenization;

/// <summary>A token matched verbatim in text before pre-tokenization (HF <c>added_tokens</c>).</summary>
public sealed record AddedToken(int Id, string Content, bool Special);
