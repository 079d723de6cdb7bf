using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>
/// One Plotly trace. The concrete kinds are <see cref="ScatterTrace"/> (also lines),
/// <see cref="BarTrace"/>, <see cref="HistogramTrace"/> and <see cref="HeatmapTrace"/>; the JSON
/// <c>type</c> field is written from the kind. Immutable: customise with <c>with { … }</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ScatterTrace), "scatter")]
[JsonDerivedType(typeof(BarTrace), "bar")]
[JsonDerivedType(typeof(HistogramTrace), "histogram")]
[JsonDerivedType(typeof(HeatmapTrace), "heatmap")]
public abstract record Trace
{
    private protected Trace(string kind)
    {
        Kind = kind;
    }

    /// <summary>The Plotly trace type (<c>scatter</c>, <c>bar</c>, …); written as the JSON <c>type</c>.</summary>
    [JsonIgnore]
    public string Kind { get; }

    /// <summary>Legend entry and hover name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("showlegend")]
    public bool? ShowLegend { get; init; }

    [JsonPropertyName("legendgroup")]
    public string? LegendGroup { get; init; }

    [JsonPropertyName("opacity")]
    public double? Opacity { get; init; }

    /// <summary>One label per point, shown on hover (<c>hovertext</c>).</summary>
    [JsonPropertyName("hovertext")]
    public IReadOnlyList<string>? HoverText { get; init; }

    [JsonPropertyName("hoverinfo")]
    public HoverInfo? HoverInfo { get; init; }

    /// <summary>A Plotly hover template, e.g. <c>"%{x}: %{y}&lt;extra&gt;&lt;/extra&gt;"</c>.</summary>
    [JsonPropertyName("hovertemplate")]
    public string? HoverTemplate { get; init; }
}
