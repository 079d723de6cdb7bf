using System.Text;
using System.Text.RegularExpressions;

namespace Persona.Core.Training;

/// <summary>The comparison forms of a message used by the duplicate and template filters.</summary>
internal static partial class TextNormalizer
{
    /// <summary>Lower-case, whitespace runs collapsed to one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
                builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The normalized text with URLs, e-mail addresses and numbers masked: what varies between fillings of one template.</summary>
    public static string Skeleton(string text)
    {
        var normalized = Normalize(text);
        normalized = Url().Replace(normalized, "<url>");
        normalized = Email().Replace(normalized, "<email>");
        return Number().Replace(normalized, "0");
    }

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\d+([.,:/-]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
