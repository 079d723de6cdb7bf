using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Persona.Notebooks.Format;

/// <summary>
/// Serialises a notebook the way VS Code's ipynb serializer does, so a file the runner rewrites diffs
/// minimally against one VS Code saved: object keys sorted (ordinal) at every level, the given indent,
/// <c>JSON.stringify</c> escaping (only quotes, backslashes, control characters and lone surrogates are
/// escaped; non-ASCII and HTML characters are written as they are) and a trailing newline.
/// </summary>
internal static class NotebookJsonWriter
{
    public static string Serialize(JsonNode root, string indent)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(indent);
        var builder = new StringBuilder(4096);
        Write(builder, root, indent, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node, string indent, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteObject(builder, obj, indent, depth);
                break;
            case JsonArray array:
                WriteArray(builder, array, indent, depth);
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, string indent, int depth)
    {
        if (obj.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        var keys = obj.Select(p => p.Key).ToList();
        keys.Sort(StringComparer.Ordinal);
        builder.Append("{\n");
        for (var i = 0; i < keys.Count; i++)
        {
            AppendIndent(builder, indent, depth + 1);
            WriteString(builder, keys[i]);
            builder.Append(": ");
            Write(builder, obj[keys[i]], indent, depth + 1);
            builder.Append(i < keys.Count - 1 ? ",\n" : "\n");
        }

        AppendIndent(builder, indent, depth);
        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, JsonArray array, string indent, int depth)
    {
        if (array.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        builder.Append("[\n");
        for (var i = 0; i < array.Count; i++)
        {
            AppendIndent(builder, indent, depth + 1);
            Write(builder, array[i], indent, depth + 1);
            builder.Append(i < array.Count - 1 ? ",\n" : "\n");
        }

        AppendIndent(builder, indent, depth);
        builder.Append(']');
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            default:
                // Numbers keep their source text (integers in practice: nbformat, execution_count).
                builder.Append(value.ToJsonString());
                break;
        }
    }

    private static void AppendIndent(StringBuilder builder, string indent, int depth)
    {
        for (var i = 0; i < depth; i++)
            builder.Append(indent);
    }

    internal static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || IsLoneSurrogate(text, i))
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }

    private static bool IsLoneSurrogate(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c))
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return false;
    }
}
