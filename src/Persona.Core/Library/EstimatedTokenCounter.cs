namespace Persona.Core.Library;

/// <summary>
/// A tokenizer-free estimate for English-like text: the larger of one token per 4 characters and
/// 4 tokens per 3 words (BPE vocabularies of current chat models land near both figures).
/// </summary>
public sealed class EstimatedTokenCounter : ITokenCounter
{
    public static EstimatedTokenCounter Instance { get; } = new();

    public string Name => "estimate (chars/4, words×4/3)";

    public bool IsEstimate => true;

    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return 0;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var byChars = (text.Length + 3) / 4;
        var byWords = (words * 4 + 2) / 3;
        return Math.Max(byChars, byWords);
    }
}
