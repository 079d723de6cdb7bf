namespace Persona.Core.Prompts;

/// <summary>The measurements a persona's prompt is built from. Rates are fractions of the persona's messages.</summary>
public sealed record StyleProfile(
    int MessageCount,
    double MedianWords,
    double LowerQuartileWords,
    double UpperQuartileWords,
    double SentencesPerMessage,
    double WordsPerSentence,
    double QuestionRate,
    double ImperativeRate,
    double PolitenessRate,
    double ExclamationRate,
    double LowercaseStartRate,
    double EmojiRate,
    double CodeRate,
    double ListRate,
    double BecauseRate,
    double ConditionalRate,
    double HedgeRate,
    IReadOnlyList<TermShare> Openers,
    IReadOnlyList<TermShare> DistinctiveTerms,
    IReadOnlyList<TermShare> Categories);
