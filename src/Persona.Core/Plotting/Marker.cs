using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>How points or bars are painted (<c>marker</c>).</summary>
public sealed record Marker
{
    /// <summary>One colour, one per point, or numbers mapped through <see cref="ColorScale"/>.</summary>
    [JsonPropertyName("color")]
    public PlotColor? Color { get; init; }

    [JsonPropertyName("size")]
    public double? Size { get; init; }

    [JsonPropertyName("opacity")]
    public double? Opacity { get; init; }

    /// <summary>Plotly symbol name (<c>circle</c>, <c>square</c>, <c>diamond</c>, …).</summary>
    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    [JsonPropertyName("colorscale")]
    public ColorScale? ColorScale { get; init; }

    [JsonPropertyName("showscale")]
    public bool? ShowScale { get; init; }

    [JsonPropertyName("line")]
    public LineStyle? Line { get; init; }
}
