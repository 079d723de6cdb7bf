using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>How several bar or histogram traces share the axis (<c>layout.barmode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BarMode>))]
public enum BarMode
{
    [JsonStringEnumMemberName("group")]
    Group,

    [JsonStringEnumMemberName("stack")]
    Stack,

    [JsonStringEnumMemberName("overlay")]
    Overlay,

    [JsonStringEnumMemberName("relative")]
    Relative,
}
