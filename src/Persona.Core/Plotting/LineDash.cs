using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Line dash style (<c>line.dash</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LineDash>))]
public enum LineDash
{
    [JsonStringEnumMemberName("solid")]
    Solid,

    [JsonStringEnumMemberName("dot")]
    Dot,

    [JsonStringEnumMemberName("dash")]
    Dash,

    [JsonStringEnumMemberName("dashdot")]
    DashDot,
}
