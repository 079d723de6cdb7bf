using System.Text.Json.Nodes;

namespace Persona.Notebooks.Format;

/// <summary>Builds cell outputs in the shape VS Code saves them (keys allowed per output type only).</summary>
internal static class NotebookOutputs
{
    public static JsonObject Stream(string name, string text) => new()
    {
        ["name"] = name,
        ["output_type"] = "stream",
        ["text"] = MultilineText.Split(text),
    };

    /// <summary>A <c>display_data</c> output; text MIME values become line arrays, JSON MIME values stay JSON.</summary>
    public static JsonObject DisplayData(IEnumerable<KeyValuePair<string, string>> bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in bundle)
            data[mime] = IsJsonMime(mime) ? ParseJsonOrText(text) : MultilineText.Split(text);
        return new JsonObject
        {
            ["data"] = data,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        };
    }

    public static JsonObject Error(string ename, string evalue, IEnumerable<string> traceback) => new()
    {
        ["ename"] = ename,
        ["evalue"] = evalue,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
    };

    private static bool IsJsonMime(string mime) =>
        mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal));

    private static JsonNode ParseJsonOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? JsonValue.Create(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
