using System.Text.RegularExpressions;

namespace Persona.Core.Memories;

/// <summary>Content words of a text: lower-cased words of 3+ letters that are not English function words.</summary>
internal static partial class TopicTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "have", "has", "had", "was", "were", "will", "would",
        "can", "could", "should", "what", "when", "where", "which", "who", "why", "how", "all", "any", "some", "just", "like", "about", "from",
        "into", "out", "then", "than", "them", "they", "their", "there", "here", "been", "being", "its", "it's", "our", "ours", "his", "her",
        "she", "him", "one", "two", "also", "very", "really", "more", "most", "much", "many", "make", "made", "get", "got", "use", "using",
        "used", "need", "want", "know", "think", "does", "did", "doing", "done", "let", "lets", "let's", "please", "thanks", "thank", "yes",
        "okay", "sure", "well", "now", "way", "thing", "things", "something", "anything", "only", "even", "still", "each", "other", "such",
        "these", "those", "because", "while", "over", "same", "own", "too", "can't", "don't", "i'm", "i've", "i'd", "i'll", "you're", "it",
        "is", "an", "as", "at", "be", "by", "do", "if", "in", "me", "my", "no", "of", "on", "or", "so", "to", "up", "we", "us", "am", "new",
        "give", "tell", "help", "write", "try", "see", "look", "good", "better", "best", "again", "going", "maybe", "might", "may", "there's",
        "what's", "that's", "without", "between", "after", "before", "every", "both", "few", "same", "via", "etc", "else", "able",
    };

    public static IEnumerable<string> Of(string text)
    {
        foreach (Match m in Word().Matches(text))
        {
            var w = m.Value.ToLowerInvariant().Trim('\'');
            if (w.Length >= 3 && !StopWords.Contains(w))
                yield return w;
        }
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\p{Nd}'+#-]*")]
    private static partial Regex Word();
}
