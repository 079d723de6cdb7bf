using System.Globalization;
using System.Text;

namespace Persona.Tensors.Tokenization;

/// <summary>
/// The pre-tokenizer regexes as a hand-written scanner over Unicode scalar values, because .NET Regex sees
/// UTF-16 code units and never matches <c>\p{L}</c> on a surrogate pair (astral letters would split apart).
/// Returns pieces as (start, length) in UTF-16 units of the input.
/// </summary>
internal static class PreTokenizer
{
    public static List<(int Start, int Length)> Split(string text, PreTokenizerOptions options)
    {
        var runes = new List<Rune>(text.Length);
        var offsets = new List<int>(text.Length + 1);
        var at = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune);
            offsets.Add(at);
            at += rune.Utf16SequenceLength;
        }

        offsets.Add(at);
        var pieces = new List<(int, int)>();
        var segmentStart = 0;
        for (var i = 0; i <= runes.Count; i++)
        {
            // Digits{individual_digits: true} isolates every numeric character before the pattern runs.
            if (i == runes.Count || (options.IsolateDigits && IsNumber(runes[i])))
            {
                Scan(runes, segmentStart, i, options.Pattern, offsets, pieces);
                if (i < runes.Count)
                    pieces.Add((offsets[i], offsets[i + 1] - offsets[i]));
                segmentStart = i + 1;
            }
        }

        return pieces;
    }

    private static void Scan(List<Rune> r, int start, int end, PreTokenizerPattern pattern, List<int> offsets, List<(int, int)> pieces)
    {
        var i = start;
        while (i < end)
        {
            var next = pattern == PreTokenizerPattern.Gpt2 ? MatchGpt2(r, i, end) : MatchQwen(r, i, end, pattern == PreTokenizerPattern.Llama3 ? 3 : 1);
            pieces.Add((offsets[i], offsets[next] - offsets[i]));
            i = next;
        }
    }

    // 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    private static int MatchGpt2(List<Rune> r, int i, int end)
    {
        if (Contraction(r, i, end, ignoreCase: false) is var c && c > i)
            return c;
        var j = r[i].Value == ' ' && i + 1 < end && !IsSpace(r[i + 1]) ? i + 1 : i;
        if (IsLetter(r[j]))
            return Run(r, j, end, IsLetter);
        if (IsNumber(r[j]))
            return Run(r, j, end, IsNumber);
        if (!IsSpace(r[j]))
            return Run(r, j, end, IsOther);
        return Whitespace(r, i, end);
    }

    // (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,n}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
    private static int MatchQwen(List<Rune> r, int i, int end, int maxDigits)
    {
        if (Contraction(r, i, end, ignoreCase: true) is var c && c > i)
            return c;
        var first = r[i];
        if (IsLetter(first))
            return Run(r, i, end, IsLetter);
        if (!IsLineBreak(first) && !IsNumber(first) && i + 1 < end && IsLetter(r[i + 1]))
            return Run(r, i + 1, end, IsLetter);
        if (IsNumber(first))
        {
            var j = i + 1;
            while (j < end && j - i < maxDigits && IsNumber(r[j]))
                j++;
            return j;
        }

        var k = first.Value == ' ' && i + 1 < end && IsOther(r[i + 1]) ? i + 1 : i;
        if (IsOther(r[k]))
        {
            var j = Run(r, k, end, IsOther);
            while (j < end && IsLineBreak(r[j]))
                j++;
            return j;
        }

        // whitespace: \s*[\r\n]+ ends after the last line break of the run, if it has one
        var runEnd = Run(r, i, end, IsSpace);
        for (var j = runEnd - 1; j >= i; j--)
        {
            if (IsLineBreak(r[j]))
                return j + 1;
        }

        return Whitespace(r, i, end);
    }

    // \s+(?!\S)|\s+ : a run of spaces leaves its last one to the next piece unless it reaches the end
    private static int Whitespace(List<Rune> r, int i, int end)
    {
        var runEnd = Run(r, i, end, IsSpace);
        return runEnd == end || runEnd - i == 1 ? runEnd : runEnd - 1;
    }

    private static int Contraction(List<Rune> r, int i, int end, bool ignoreCase)
    {
        if (r[i].Value != '\'' || i + 1 >= end)
            return i;
        int Lower(int k) => k < end && r[k].Value < 128 ? (ignoreCase ? char.ToLowerInvariant((char)r[k].Value) : (char)r[k].Value) : '\0';
        var a = Lower(i + 1);
        var b = Lower(i + 2);
        if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l'))
            return i + 3;
        return a is 's' or 't' or 'm' or 'd' ? i + 2 : i;
    }

    private static int Run(List<Rune> r, int i, int end, Func<Rune, bool> predicate)
    {
        while (i < end && predicate(r[i]))
            i++;
        return i;
    }

    internal static bool IsLetter(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    internal static bool IsNumber(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    // Unicode White_Space, the \s of Oniguruma and Rust regex.
    internal static bool IsSpace(Rune r) => r.Value is (>= 0x09 and <= 0x0D) or 0x20 or 0x85 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A)
        or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;

    private static bool IsLineBreak(Rune r) => r.Value is '\r' or '\n';

    private static bool IsOther(Rune r) => !IsSpace(r) && !IsLetter(r) && !IsNumber(r);
}
