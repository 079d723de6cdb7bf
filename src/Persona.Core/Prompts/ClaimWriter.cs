using static System.FormattableString;

namespace Persona.Core.Prompts;

/// <summary>
/// Turns a persona's measurements into the sentences of its prompt. Each claim is written only when
/// the measurement supports it (thresholds below) and carries the ids of messages that show it.
/// </summary>
internal static class ClaimWriter
{
    private const double Often = 0.3;
    private const double Notable = 0.15;

    public static List<PromptClaim> Write(PersonaAnalysis analysis, int maxEvidence)
    {
        var profile = analysis.Profile;
        var claims = new List<PromptClaim>();
        void Add(StyleAspect aspect, string text, string key) =>
            claims.Add(new PromptClaim(aspect, text, analysis.EvidenceFor(key).Take(maxEvidence).ToList()));

        if (profile.MessageCount == 0)
            return claims;

        var size = profile.MedianWords switch { <= 12 => "short, terse", <= 40 => "medium-length", <= 120 => "long, developed", _ => "very long, detailed" };
        Add(StyleAspect.Length, Invariant($"Writes {size} messages: typically {profile.MedianWords:0.#} words (middle half {profile.LowerQuartileWords:0.#}–{profile.UpperQuartileWords:0.#})."), "length");
        Add(StyleAspect.SentenceShape, profile.SentencesPerMessage <= 1.3
            ? Invariant($"Usually says it in a single sentence of about {profile.WordsPerSentence:0} words.")
            : Invariant($"Uses about {profile.SentencesPerMessage:0.#} sentences per message, {profile.WordsPerSentence:0} words each on average."), "length");

        foreach (var opener in profile.Openers.Where(opener => opener.Share >= Notable))
            Add(StyleAspect.Openers, Invariant($"Often opens with “{opener.Term}” ({Percent(opener.Share)} of messages)."), "opener:" + opener.Term);

        if (profile.QuestionRate >= Often)
            Add(StyleAspect.Questions, Invariant($"Thinks by asking: {Percent(profile.QuestionRate)} of messages contain a direct question."), "question");
        else if (profile.QuestionRate < 0.1 && profile.MessageCount >= 5)
            Add(StyleAspect.Questions, "States things rather than asking; questions are rare.", "statement");
        if (profile.ImperativeRate >= Notable)
            Add(StyleAspect.Directness, Invariant($"Gives direct instructions, starting with a verb in {Percent(profile.ImperativeRate)} of messages."), "imperative");
        if (profile.BecauseRate >= Notable)
            Add(StyleAspect.Reasoning, Invariant($"Explains the why (“because”, “since”, “so that”) in {Percent(profile.BecauseRate)} of messages."), "because");
        if (profile.ConditionalRate >= Notable)
            Add(StyleAspect.Reasoning, Invariant($"Reasons in conditions and alternatives (“if”, “what if”, “otherwise”) in {Percent(profile.ConditionalRate)} of messages."), "conditional");
        if (profile.HedgeRate >= Notable)
            Add(StyleAspect.Reasoning, Invariant($"Hedges and thinks aloud (“maybe”, “I think”, “probably”) in {Percent(profile.HedgeRate)} of messages."), "hedge");

        if (profile.PolitenessRate >= Notable)
            Add(StyleAspect.Politeness, Invariant($"Polite markers (“please”, “thanks”) appear in {Percent(profile.PolitenessRate)} of messages."), "polite");
        else if (profile.PolitenessRate == 0 && profile.MessageCount >= 5)
            Add(StyleAspect.Politeness, "Skips pleasantries and gets straight to the point.", "impolite");
        if (profile.ExclamationRate >= Notable)
            Add(StyleAspect.Punctuation, Invariant($"Uses exclamation marks in {Percent(profile.ExclamationRate)} of messages."), "exclamation");
        if (profile.LowercaseStartRate >= 0.5)
            Add(StyleAspect.Punctuation, Invariant($"Writes casually, starting in lower case in {Percent(profile.LowercaseStartRate)} of messages."), "lowercase");
        if (profile.EmojiRate >= 0.1)
            Add(StyleAspect.Emoji, Invariant($"Uses emoji in {Percent(profile.EmojiRate)} of messages."), "emoji");
        if (profile.CodeRate >= Notable)
            Add(StyleAspect.Code, Invariant($"Writes or pastes code in {Percent(profile.CodeRate)} of messages."), "code");
        if (profile.ListRate >= Notable)
            Add(StyleAspect.Formatting, Invariant($"Structures thoughts as lists in {Percent(profile.ListRate)} of messages."), "list");

        if (profile.DistinctiveTerms.Count > 0)
        {
            var terms = profile.DistinctiveTerms.Take(6).ToList();
            claims.Add(new PromptClaim(StyleAspect.Vocabulary,
                "Characteristic words in this mode: " + string.Join(", ", terms.Select(term => term.Term)) + ".",
                terms.SelectMany(term => analysis.EvidenceFor("term:" + term.Term).Take(2)).Distinct(StringComparer.Ordinal).Take(maxEvidence).ToList()));
        }

        var priorities = profile.Categories.Where(category => category.Share >= 0.2).Take(3).ToList();
        if (priorities.Count > 0)
        {
            claims.Add(new PromptClaim(StyleAspect.Priorities,
                "Cares most about: " + string.Join(", ", priorities.Select(category => Invariant($"{category.Term} ({Percent(category.Share)})"))) + ".",
                priorities.SelectMany(category => analysis.EvidenceFor("category:" + category.Term).Take(2)).Distinct(StringComparer.Ordinal).Take(maxEvidence).ToList()));
        }

        return claims;
    }

    private static string Percent(double share) => Invariant($"{share * 100:0}%");
}
