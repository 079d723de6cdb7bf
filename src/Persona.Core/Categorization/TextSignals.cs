using System.Globalization;
using System.Text;

namespace Persona.Core.Categorization;

/// <summary>Measures the <see cref="TextSignal"/>s of one message (each 0..1).</summary>
internal static class TextSignals
{
    public static void Measure(string text, IReadOnlyList<string> tokens, int sentenceCount, Span<double> values)
    {
        values.Clear();
        var firstLetter = text.FirstOrDefault(char.IsLetter);
        values[(int)TextSignal.LowercaseStart] = firstLetter != default && char.IsLower(firstLetter) ? 1 : 0;
        values[(int)TextSignal.Exclamation] = text.Contains('!', StringComparison.Ordinal) ? 1 : 0;
        values[(int)TextSignal.QuestionMark] = text.Contains('?', StringComparison.Ordinal) ? 1 : 0;

        var code = text.Contains('`', StringComparison.Ordinal) || text.Contains("()", StringComparison.Ordinal);
        var firstPerson = 0;
        foreach (var token in tokens)
        {
            code |= token.Contains('_', StringComparison.Ordinal) || (token.Contains('.', StringComparison.Ordinal) && token.Any(char.IsLetter) && token.Length > 3);
            if (token is "i" or "my" or "me" or "i'm" or "myself" or "i've")
                firstPerson++;
        }

        values[(int)TextSignal.CodeToken] = code ? 1 : 0;
        var wordsPerSentence = tokens.Count / (double)Math.Max(1, sentenceCount);
        values[(int)TextSignal.LongSentences] = Math.Clamp((wordsPerSentence - 10) / 10, 0, 1);
        values[(int)TextSignal.Emoji] = HasPictograph(text) ? 1 : 0;
        values[(int)TextSignal.FirstPerson] = firstPerson >= 2 ? 1 : 0;
    }

    private static bool HasPictograph(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol && rune.Value >= 0x2190)
                return true;
        }

        return false;
    }
}
