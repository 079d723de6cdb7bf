namespace Persona.Core.Prompts;

/// <summary>English function words left out of "characteristic vocabulary" (they say nothing about a mode).</summary>
internal static class Stopwords
{
    public static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "don't", "for", "from", "get", "got",
        "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "i'm", "if", "in", "into", "is", "it",
        "it's", "its", "just", "like", "me", "more", "most", "my", "no", "not", "now", "of", "on", "one", "only", "or",
        "other", "our", "out", "over", "please", "so", "some", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "why", "will", "with", "would", "you", "your", "yes", "ok", "okay", "thanks",
        "want", "need", "make", "use", "way", "should", "let", "let's", "know", "think", "really", "thing", "things",
    };
}
