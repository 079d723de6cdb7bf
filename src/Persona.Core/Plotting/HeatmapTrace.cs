using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>
/// A grid of coloured cells (<c>type: "heatmap"</c>): <see cref="Z"/> row <c>i</c> is drawn at
/// <see cref="Y"/>[i], column <c>j</c> at <see cref="X"/>[j].
/// </summary>
public sealed record HeatmapTrace([property: JsonPropertyName("z")] PlotMatrix Z) : Trace("heatmap")
{
    /// <summary>Column labels, one per column of <see cref="Z"/>.</summary>
    [JsonPropertyName("x")]
    public PlotArray? X { get; init; }

    /// <summary>Row labels, one per row of <see cref="Z"/>.</summary>
    [JsonPropertyName("y")]
    public PlotArray? Y { get; init; }

    [JsonPropertyName("colorscale")]
    public ColorScale? ColorScale { get; init; }

    [JsonPropertyName("zmin")]
    public double? ZMin { get; init; }

    [JsonPropertyName("zmax")]
    public double? ZMax { get; init; }

    [JsonPropertyName("showscale")]
    public bool? ShowScale { get; init; }

    /// <summary>Per-cell labels drawn in the cells with <c>texttemplate: "%{text}"</c>.</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<IReadOnlyList<string>>? Text { get; init; }

    [JsonPropertyName("texttemplate")]
    public string? TextTemplate { get; init; }
}
