using System.Text;

namespace Persona.Core.Display;

/// <summary>HTML escaping for text placed in element content and in quoted attribute values.</summary>
internal static class HtmlText
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0)
            return text;

        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text);
        return builder.ToString();
    }

    public static StringBuilder Append(StringBuilder builder, string? text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var c in text ?? string.Empty)
        {
            _ = c switch
            {
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '&' => builder.Append("&amp;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder;
    }
}
