namespace Persona.Corpora;

/// <summary>
/// How the person writes in one mode: sentence templates whose <c>{slot}</c> markers are filled
/// from <see cref="Slots"/>, openers and closers, assistant replies for context, and habits
/// (lower-case rate, typo rate, sentence count range).
/// </summary>
public sealed record CorpusMode(
    string Name,
    IReadOnlyList<string> Openers,
    IReadOnlyList<string> Sentences,
    IReadOnlyList<string> Closers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Slots,
    IReadOnlyList<string> Titles,
    IReadOnlyList<string> AssistantReplies,
    int MinSentences,
    int MaxSentences,
    double LowercaseRate,
    double TypoRate);
