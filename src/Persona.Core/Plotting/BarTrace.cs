using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>
/// Bars (<c>type: "bar"</c>): categories on <see cref="X"/> and heights on <see cref="Y"/> for vertical
/// bars; swap them for <see cref="BarOrientation.Horizontal"/>. Several bar traces are grouped or stacked
/// by <see cref="Layout.BarMode"/>.
/// </summary>
public sealed record BarTrace(
    [property: JsonPropertyName("x")] PlotArray X,
    [property: JsonPropertyName("y")] PlotArray Y) : Trace("bar")
{
    [JsonPropertyName("orientation")]
    public BarOrientation? Orientation { get; init; }

    /// <summary>Labels on or beside the bars.</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<string>? Text { get; init; }

    [JsonPropertyName("marker")]
    public Marker? Marker { get; init; }
}
