using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Legend layout (<c>legend.orientation</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LegendOrientation>))]
public enum LegendOrientation
{
    [JsonStringEnumMemberName("v")]
    Vertical,

    [JsonStringEnumMemberName("h")]
    Horizontal,
}
