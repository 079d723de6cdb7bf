namespace Persona.Core.Prompts;

/// <summary>What one message shows, measured by <see cref="MessageFeatureExtractor"/>.</summary>
internal sealed record MessageFeatures(
    string MessageId,
    IReadOnlyList<string> Words,
    int WordCount,
    int Sentences,
    string? Opener,
    bool Question,
    bool Imperative,
    bool Polite,
    bool Exclamation,
    bool LowercaseStart,
    bool Emoji,
    bool Code,
    bool List,
    bool Because,
    bool Conditional,
    bool Hedge)
{
    /// <summary>Coarse style tokens (length bucket, punctuation habits) used beside words to tell personas apart.</summary>
    public IEnumerable<string> StyleTokens()
    {
        yield return "__len" + (WordCount switch { <= 5 => 0, <= 15 => 1, <= 40 => 2, <= 100 => 3, _ => 4 });
        if (Question) yield return "__question";
        if (Imperative) yield return "__imperative";
        if (Polite) yield return "__polite";
        if (Exclamation) yield return "__exclaim";
        if (LowercaseStart) yield return "__lower";
        if (Emoji) yield return "__emoji";
        if (Code) yield return "__code";
        if (List) yield return "__list";
        if (Because) yield return "__because";
        if (Conditional) yield return "__if";
        if (Hedge) yield return "__hedge";
    }
}
