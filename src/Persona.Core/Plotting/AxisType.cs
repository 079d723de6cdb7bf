using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Axis scale (<c>xaxis.type</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AxisType>))]
public enum AxisType
{
    [JsonStringEnumMemberName("linear")]
    Linear,

    [JsonStringEnumMemberName("log")]
    Log,

    [JsonStringEnumMemberName("date")]
    Date,

    [JsonStringEnumMemberName("category")]
    Category,
}
