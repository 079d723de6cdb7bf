using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>One axis of the layout (<c>xaxis</c>, <c>yaxis</c>).</summary>
public sealed record Axis
{
    [JsonPropertyName("title")]
    public PlotTitle? Title { get; init; }

    [JsonPropertyName("type")]
    public AxisType? Type { get; init; }

    /// <summary>Visible range as [min, max]; null lets plotly.js fit the data.</summary>
    [JsonPropertyName("range")]
    public IReadOnlyList<double>? Range { get; init; }

    [JsonPropertyName("tickangle")]
    public double? TickAngle { get; init; }

    [JsonPropertyName("showgrid")]
    public bool? ShowGrid { get; init; }

    [JsonPropertyName("zeroline")]
    public bool? ZeroLine { get; init; }

    /// <summary>Grow the margin to fit long tick labels.</summary>
    [JsonPropertyName("automargin")]
    public bool? AutoMargin { get; init; }
}
