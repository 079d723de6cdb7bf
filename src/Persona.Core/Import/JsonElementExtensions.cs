using System.Text.Json;

namespace Persona.Core.Import;

/// <summary>Tolerant reads from export JSON: a wrong kind reads as absent, never throws.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? Str(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool IsTrue(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.True };

    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Arr(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    /// <summary>A time given as epoch seconds (number) or an ISO 8601 string; null when absent or unreadable.</summary>
    public static DateTimeOffset? Time(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var seconds) => ExportTime.FromSeconds(seconds),
        { ValueKind: JsonValueKind.String } text => ExportTime.FromText(text.GetString()),
        _ => null,
    };

    public static string Keys(this JsonElement element, int max = 8)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return element.ValueKind.ToString().ToLowerInvariant();
        var names = element.EnumerateObject().Select(p => p.Name).Take(max + 1).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names.Take(max)) + (names.Count > max ? ", …" : string.Empty);
    }
}
