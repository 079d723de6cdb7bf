using System.Text;
using System.Text.Json.Nodes;

namespace Persona.Notebooks.Format;

/// <summary>nbformat's <c>multiline_string</c>: a string or an array of lines, each keeping its <c>\n</c>.</summary>
internal static class MultilineText
{
    /// <summary>Joins a <c>source</c>/<c>text</c> value; anything that is not a string or string array reads as empty.</summary>
    public static string Join(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                return text;
            case JsonArray array:
                var builder = new StringBuilder();
                foreach (var item in array)
                {
                    if (item is JsonValue line && line.TryGetValue<string>(out var part))
                        builder.Append(part);
                }

                return builder.ToString();
            default:
                return string.Empty;
        }
    }

    /// <summary>Splits text the way VS Code saves it: one entry per line, <c>\n</c> kept on all but the last, no empty last entry.</summary>
    public static JsonArray Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                array.Add(text[start..]);
                break;
            }

            array.Add(text[start..(end + 1)]);
            start = end + 1;
        }

        return array;
    }
}
