namespace Persona.Tensors.Tokenization;

/// <summary>How text is cut into pieces before BPE: an optional digit split (HF <c>Digits{individual_digits}</c>), then a pattern.</summary>
public sealed record PreTokenizerOptions(PreTokenizerPattern Pattern, bool IsolateDigits);
