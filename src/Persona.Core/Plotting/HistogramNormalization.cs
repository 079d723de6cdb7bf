using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>What a histogram bar's height counts (<c>histnorm</c>); leave it unset for plain counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HistogramNormalization>))]
public enum HistogramNormalization
{
    [JsonStringEnumMemberName("percent")]
    Percent,

    [JsonStringEnumMemberName("probability")]
    Probability,

    [JsonStringEnumMemberName("density")]
    Density,

    [JsonStringEnumMemberName("probability density")]
    ProbabilityDensity,
}
