using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Everything about a figure that is not data (<c>layout</c>). Unset members keep Plotly's defaults.</summary>
public sealed record Layout
{
    [JsonPropertyName("title")]
    public PlotTitle? Title { get; init; }

    [JsonPropertyName("xaxis")]
    public Axis? XAxis { get; init; }

    [JsonPropertyName("yaxis")]
    public Axis? YAxis { get; init; }

    [JsonPropertyName("showlegend")]
    public bool? ShowLegend { get; init; }

    [JsonPropertyName("legend")]
    public Legend? Legend { get; init; }

    /// <summary>Width in pixels; null fills the container (the figure is responsive).</summary>
    [JsonPropertyName("width")]
    public int? Width { get; init; }

    [JsonPropertyName("height")]
    public int? Height { get; init; }

    [JsonPropertyName("margin")]
    public Margin? Margin { get; init; }

    [JsonPropertyName("barmode")]
    public BarMode? BarMode { get; init; }

    [JsonPropertyName("hovermode")]
    public HoverMode? HoverMode { get; init; }
}
