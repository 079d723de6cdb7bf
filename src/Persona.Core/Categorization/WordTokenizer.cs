using System.Globalization;
using System.Text;

namespace Persona.Core.Categorization;

/// <summary>
/// Splits text into lower-case word tokens: runs of Unicode letters and digits, keeping code tokens
/// whole (<c>parse_config</c>, <c>program.cs</c>, <c>c#</c>, <c>don't</c>). The lexicons and the
/// clustering features share it, so a phrase in the lexicon matches exactly what the text yields.
/// </summary>
public static class WordTokenizer
{
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        Tokenize(text, tokens);
        return tokens;
    }

    public static void Tokenize(ReadOnlySpan<char> text, List<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var builder = new StringBuilder(32);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            builder.Clear();
            while (i < text.Length)
            {
                var c = text[i];
                if (IsWordChar(c) || c == '_')
                    builder.Append(char.ToLowerInvariant(c));
                else if ((c is '.' or '\'' or '’' or '-') && i + 1 < text.Length && IsWordChar(text[i + 1]))
                    builder.Append(c == '’' ? '\'' : c);
                else if (c is '#' or '+' && (i + 1 >= text.Length || !IsWordChar(text[i + 1])))
                    builder.Append(c);
                else
                    break;
                i++;
            }

            tokens.Add(builder.ToString());
        }
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark;
}
