using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Bar direction (<c>orientation</c>): vertical bars grow along y, horizontal along x.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BarOrientation>))]
public enum BarOrientation
{
    [JsonStringEnumMemberName("v")]
    Vertical,

    [JsonStringEnumMemberName("h")]
    Horizontal,
}
