using System.Text;
using System.Text.RegularExpressions;

namespace Persona.Core.Import;

/// <summary>
/// Normalises exported message text: removes browsing citation markers (<c>【3:0†source】</c>), private-use
/// citation markers (<c>\ue200…\ue201</c>), Claude's inline <c>&lt;antThinking&gt;</c> blocks, unifies line
/// endings and trims.
/// </summary>
internal static partial class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return text;
        if (text.Contains('\u3010', StringComparison.Ordinal))
            text = BracketCitation().Replace(text, string.Empty);
        if (text.AsSpan().IndexOfAnyInRange('\ue200', '\ue202') >= 0)
            text = PrivateUseCitation().Replace(text, string.Empty);
        if (text.Contains("<antThinking>", StringComparison.Ordinal))
            text = AntThinking().Replace(text, string.Empty);
        if (text.Contains('\r', StringComparison.Ordinal))
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.Trim();
    }

    /// <summary>The last <paramref name="maxChars"/> characters, never splitting a surrogate pair.</summary>
    public static string Tail(string text, int maxChars)
    {
        if (text.Length <= maxChars)
            return text;
        var start = text.Length - maxChars;
        if (start < text.Length && char.IsLowSurrogate(text[start]))
            start++;
        return text[start..];
    }

    public static int CountScalars(string text)
    {
        // Without surrogates every char is one scalar; otherwise a pair counts once and a lone surrogate once.
        if (!text.AsSpan().ContainsAnyInRange('\ud800', '\udfff'))
            return text.Length;
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
            count++;
        return count;
    }

    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
                count++;
            inWord = !space;
        }

        return count;
    }

    /// <summary>Custom instructions arrive wrapped in fixed boilerplate with the person's text inside ``` fences.</summary>
    public static string UnwrapInstructions(string text)
    {
        var first = text.IndexOf("```", StringComparison.Ordinal);
        var last = text.LastIndexOf("```", StringComparison.Ordinal);
        if (first >= 0 && last > first)
            text = text[(first + 3)..last];
        return Normalize(text);
    }

    public static string Join(IEnumerable<string> parts)
    {
        if (parts is IReadOnlyList<string> list)
        {
            // One non-empty part (the usual message) is its own join: no copy.
            string? only = null;
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Length == 0)
                    continue;
                if (only is not null)
                    return JoinMany(list);
                only = list[i];
            }

            return only ?? string.Empty;
        }

        return JoinMany(parts);
    }

    private static string JoinMany(IEnumerable<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0)
                continue;
            if (builder.Length > 0)
                builder.Append('\n');
            builder.Append(part);
        }

        return builder.ToString();
    }

    [GeneratedRegex("\u3010[^\u3010\u3011]{0,40}\u2020[^\u3010\u3011]{0,40}\u3011")]
    private static partial Regex BracketCitation();

    [GeneratedRegex("\ue200[^\ue200\ue201]{0,200}\ue201|[\ue200\ue201\ue202]")]
    private static partial Regex PrivateUseCitation();

    [GeneratedRegex("<antThinking>.*?</antThinking>", RegexOptions.Singleline)]
    private static partial Regex AntThinking();
}
