namespace Persona.Tensors.Tokenization;

/// <summary>
/// A rendered conversation: token ids and, per token, whether it is assistant content (the assistant's
/// text and its end-of-turn token) — the tokens a fine-tuning loss is computed on.
/// </summary>
public sealed record ChatEncoding(IReadOnlyList<int> Ids, IReadOnlyList<bool> AssistantMask);
