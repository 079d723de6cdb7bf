using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Persona.Core.Prompts;

/// <summary>Measures one message's surface style: words, sentences, opener, questions, code, emoji, markers.</summary>
internal static partial class MessageFeatureExtractor
{
    private static readonly HashSet<string> ImperativeVerbs = new(StringComparer.Ordinal)
    {
        "add", "build", "change", "check", "compare", "convert", "create", "describe", "design", "draft", "edit", "explain",
        "find", "fix", "generate", "give", "help", "implement", "improve", "list", "make", "outline", "plan", "refactor",
        "remove", "rewrite", "show", "suggest", "summarize", "summarise", "tell", "translate", "update", "use", "write",
    };

    private static readonly string[] PoliteMarkers = ["please", "thanks", "thank you", "thx", "appreciate"];

    private static readonly string[] HedgeMarkers = ["maybe", "perhaps", "i think", "i guess", "not sure", "might", "probably", "i wonder"];

    private static readonly string[] ConditionalMarkers = ["if ", "what if", "unless", "otherwise", "in case"];

    private static readonly string[] BecauseMarkers = ["because", "since ", "therefore", "so that", "the reason"];

    public static MessageFeatures Extract(string messageId, string text)
    {
        var trimmed = text.Trim();
        var lower = trimmed.ToLowerInvariant();
        var words = Words(lower);
        var firstLetter = trimmed.EnumerateRunes().FirstOrDefault(Rune.IsLetter);
        return new MessageFeatures(
            messageId,
            words,
            words.Count,
            Math.Max(1, SentenceEnd().Count(trimmed.TrimEnd('.', '!', '?', ' ')) + 1),
            words.Count == 0 ? null : words[0],
            trimmed.Contains('?', StringComparison.Ordinal),
            words.Count > 0 && ImperativeVerbs.Contains(words[0]),
            PoliteMarkers.Any(marker => ContainsWord(lower, marker)),
            trimmed.Contains('!', StringComparison.Ordinal),
            firstLetter != default && Rune.IsLower(firstLetter),
            trimmed.EnumerateRunes().Any(IsEmoji),
            CodeBlock().IsMatch(trimmed) || InlineCode().IsMatch(trimmed) || CodeLine().IsMatch(trimmed),
            ListLine().IsMatch(trimmed),
            BecauseMarkers.Any(marker => ContainsWord(lower, marker)),
            ConditionalMarkers.Any(marker => ContainsWord(lower, marker)),
            HedgeMarkers.Any(marker => ContainsWord(lower, marker)));
    }

    public static List<string> Words(string lowerText) =>
        WordPattern().Matches(lowerText).Select(match => match.Value.Trim('\'')).Where(word => word.Length > 0).ToList();

    private static bool ContainsWord(string lowerText, string marker)
    {
        var index = lowerText.IndexOf(marker, StringComparison.Ordinal);
        while (index >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(lowerText[index - 1]);
            var end = index + marker.Length;
            var after = end >= lowerText.Length || !char.IsLetterOrDigit(lowerText[end]) || marker.EndsWith(' ');
            if (before && after)
                return true;
            index = lowerText.IndexOf(marker, index + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static bool IsEmoji(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return rune.Value is >= 0x1F300 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF
            && category is UnicodeCategory.OtherSymbol or UnicodeCategory.OtherNotAssigned;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’_-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?]+(\s+|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"```")]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?m)^\s*(def |class |import |from \S+ import|public |private |function |const |let |var |SELECT |#include)|[;{}]\s*$|=>|\w+\([^)]*\)\s*[;{]")]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"(?m)^\s*([-*•]|\d+[.)])\s+\S")]
    private static partial Regex ListLine();
}
