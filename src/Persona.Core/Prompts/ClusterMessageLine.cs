using System.Text.Json;
using Persona.Core.Import;

namespace Persona.Core.Prompts;

/// <summary>One line of a cluster message file as a <see cref="PersonMessage"/> plus its category labels.</summary>
internal static class ClusterMessageLine
{
    private static readonly string[] CategoryFields = ["topiccategory", "tone", "reasoningmarkers", "questiontypes", "lengthcategory", "categories"];

    public static bool TryRead(JsonElement root, out PersonMessage? message, out List<string> labels, out string? problem)
    {
        message = null;
        labels = [];
        problem = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "expected a JSON object per line";
            return false;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
            fields[Normalize(property.Name)] = property.Value;

        var id = Text(fields, "messageid") ?? Text(fields, "id");
        var text = Text(fields, "text") ?? Text(fields, "content");
        if (string.IsNullOrEmpty(id) || string.IsNullOrWhiteSpace(text))
        {
            problem = "missing message_id or text";
            return false;
        }

        foreach (var field in CategoryFields)
        {
            if (!fields.TryGetValue(field, out var value))
                continue;
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } label)
                labels.Add(label);
            else if (value.ValueKind == JsonValueKind.Array)
                labels.AddRange(value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).Where(label => label.Length > 0));
        }

        var created = Text(fields, "createdat") is { } stamp && DateTimeOffset.TryParse(stamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : (DateTimeOffset?)null;
        message = new PersonMessage(
            id,
            Text(fields, "conversationid") ?? id,
            Text(fields, "conversationtitle"),
            Format(fields),
            Integer(fields, "position") ?? 0,
            created,
            Text(fields, "context"),
            text,
            Integer(fields, "charcount") ?? text.Length,
            Integer(fields, "wordcount") ?? text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
            !fields.TryGetValue("onactivebranch", out var branch) || branch.ValueKind != JsonValueKind.False);
        return true;
    }

    // The prompts stage does not use the format; a line without one gets the enum's first value.
    private static ExportFormat Format(Dictionary<string, JsonElement> fields) =>
        Text(fields, "sourceformat") is { } name && Enum.TryParse<ExportFormat>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var format) ? format : default;

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string? Text(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static int? Integer(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
