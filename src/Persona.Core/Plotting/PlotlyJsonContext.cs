using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>
/// Source-generated serialisation of figures into Plotly's JSON schema. Unset (null) members are left
/// out so plotly.js applies its own defaults.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Figure))]
[JsonSerializable(typeof(Trace))]
[JsonSerializable(typeof(Layout))]
[JsonSerializable(typeof(PlotArray))]
internal sealed partial class PlotlyJsonContext : JsonSerializerContext
{
    /// <summary>Compact output for HTML; non-ASCII is kept as is (the page is UTF-8).</summary>
    public static PlotlyJsonContext Compact { get; } = new(CreateOptions(indented: false));

    /// <summary>Indented output for files people read and golden tests.</summary>
    public static PlotlyJsonContext Indented { get; } = new(CreateOptions(indented: true));

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };
}
