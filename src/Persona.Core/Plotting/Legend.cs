using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Legend placement (<c>layout.legend</c>).</summary>
public sealed record Legend
{
    [JsonPropertyName("title")]
    public PlotTitle? Title { get; init; }

    [JsonPropertyName("orientation")]
    public LegendOrientation? Orientation { get; init; }

    /// <summary>Horizontal position in plot fractions (0 = left edge, 1 = right edge).</summary>
    [JsonPropertyName("x")]
    public double? X { get; init; }

    /// <summary>Vertical position in plot fractions (0 = bottom, 1 = top).</summary>
    [JsonPropertyName("y")]
    public double? Y { get; init; }
}
