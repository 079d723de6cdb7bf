using System.Text.RegularExpressions;

namespace Persona.Core.Interview;

/// <summary>
/// Deterministic reading of an answer's own words: word count, key phrases (runs of content words, in
/// the person's spelling), sentences, hedges and sensitive topics. The offline interviewer builds its
/// reflections from these, so a follow-up always quotes what the person actually said.
/// </summary>
internal static partial class AnswerText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "above", "after", "again", "all", "also", "always", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
        "done", "down", "during", "each", "even", "ever", "every", "few", "for", "from", "get", "gets", "getting", "give",
        "go", "going", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "i'd",
        "i'll", "i'm", "i've", "if", "in", "into", "is", "it", "it's", "its", "just", "know", "let", "like", "lot", "made",
        "make", "makes", "many", "matter", "matters", "me", "mean", "means", "might", "more", "most", "much", "must", "my",
        "myself", "need", "never", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or",
        "other", "our", "out", "over", "own", "quite", "rather", "really", "right", "said", "same", "say", "see", "she",
        "should", "so", "some", "something", "still", "such", "sure", "take", "than", "that", "that's", "the", "their",
        "them", "then", "there", "these", "they", "thing", "things", "think", "this", "those", "through", "to", "too",
        "try", "trying", "up", "us", "very", "want", "wanted", "wants", "was", "way", "we", "well", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "within", "without", "would", "yes", "yet", "you",
        "your", "important", "feel", "feels", "anyone", "everyone", "someone", "else", "sees", "saw", "others", "people", "being", "keep", "keeps", "able", "lots", "maybe", "stuff", "guess",
        "dunno", "idk", "whatever", "kind", "sort", "kinda", "sorta", "probably", "perhaps", "someday", "years", "year",
        "months", "month", "weeks", "week", "next", "days", "day", "currently", "time", "times", "come", "comes", "came",
        "first", "last", "half", "value", "values", "valued", "care", "cares", "cared", "works", "worked", "love", "loves",
        "enjoy", "enjoyed", "prefer", "under", "below", "between", "across", "around", "against", "two", "three", "four",
        "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "would", "rather", "put", "puts", "start", "starts", "feel", "felt", "lead",
    };

    private static readonly string[] Hedges =
    [
        "stuff", "things", "i guess", "not sure", "maybe", "whatever", "kind of", "sort of", "kinda", "sorta", "idk",
        "i don't know", "dunno", "hard to say", "depends", "something like that", "etc",
    ];

    public static IReadOnlyList<string> Words(string text) => [.. Word().Matches(text).Select(m => m.Value)];

    public static IReadOnlyList<string> Sentences(string text) =>
        [.. SentenceBreak().Split(text.ReplaceLineEndings(" ")).Select(s => s.Trim()).Where(s => Word().IsMatch(s))];

    /// <summary>The first hedge the answer uses, or null.</summary>
    public static string? Hedge(string text)
    {
        var lower = " " + string.Join(' ', Words(text).Select(w => w.ToLowerInvariant())) + " ";
        return Hedges.FirstOrDefault(h => lower.Contains(" " + h + " ", StringComparison.Ordinal));
    }

    /// <summary>Sensitive topics whose words occur in the text, in configuration order.</summary>
    public static IReadOnlyList<string> SensitiveTopics(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> topics)
    {
        var words = Words(text).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return [.. topics.Where(t => t.Value.Any(words.Contains)).Select(t => t.Key)];
    }

    /// <summary>True when the text contains a word of any sensitive topic.</summary>
    public static bool TouchesSensitive(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> topics) =>
        SensitiveTopics(text, topics).Count > 0;

    /// <summary>
    /// Runs of one to four content words between stop words and punctuation, in the person's spelling;
    /// longer runs first, then earlier ones; case-insensitive duplicates and sensitive words removed.
    /// </summary>
    public static IReadOnlyList<string> KeyPhrases(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> sensitive, int max = 6)
    {
        var sensitiveWords = sensitive.Values.SelectMany(w => w).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidates = new List<(string Phrase, int Words, int Position)>();
        var position = 0;
        foreach (var clause in ClauseBreak().Split(text.ReplaceLineEndings(" ")))
        {
            var run = new List<string>();
            foreach (var word in Words(clause).Append(""))
            {
                var content = word.Length > 1 && !StopWords.Contains(word) && !char.IsDigit(word[0]) && !sensitiveWords.Contains(word);
                if (content && run.Count < 4)
                {
                    run.Add(word);
                    continue;
                }

                if (run.Count > 0)
                    candidates.Add((string.Join(' ', run), run.Count, position++));
                run.Clear();
                if (content)
                    run.Add(word);
            }
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return [.. candidates
            .Where(c => c.Words > 1 || c.Phrase.Length >= 4)
            .OrderByDescending(c => c.Words).ThenBy(c => c.Position)
            .Where(c => seen.Add(c.Phrase))
            .Take(max)
            .Select(c => c.Phrase)];
    }

    /// <summary>At most <paramref name="maxWords"/> words of <paramref name="text"/>, with an ellipsis when cut.</summary>
    public static string Quote(string text, int maxWords = 12)
    {
        var words = text.Trim().TrimEnd('.', '!', '?', ',', ';', ':').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= maxWords ? string.Join(' ', words) : string.Join(' ', words.Take(maxWords)) + " …";
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[.,;:!?()\[\]""“”/—–]+|\s-\s")]
    private static partial Regex ClauseBreak();
}
