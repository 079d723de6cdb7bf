using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>A histogram of raw samples (<c>type: "histogram"</c>); plotly.js does the binning.</summary>
public sealed record HistogramTrace([property: JsonPropertyName("x")] PlotArray X) : Trace("histogram")
{
    /// <summary>Upper bound on the number of bins plotly.js picks.</summary>
    [JsonPropertyName("nbinsx")]
    public int? BinCount { get; init; }

    [JsonPropertyName("histnorm")]
    public HistogramNormalization? Normalization { get; init; }

    [JsonPropertyName("marker")]
    public Marker? Marker { get; init; }
}
