using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>What the pointer picks (<c>layout.hovermode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HoverMode>))]
public enum HoverMode
{
    [JsonStringEnumMemberName("closest")]
    Closest,

    [JsonStringEnumMemberName("x")]
    X,

    [JsonStringEnumMemberName("y")]
    Y,

    [JsonStringEnumMemberName("x unified")]
    XUnified,
}
