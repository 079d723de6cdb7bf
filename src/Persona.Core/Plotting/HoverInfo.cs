using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Which fields the hover label shows (<c>hoverinfo</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HoverInfo>))]
public enum HoverInfo
{
    [JsonStringEnumMemberName("all")]
    All,

    [JsonStringEnumMemberName("none")]
    None,

    [JsonStringEnumMemberName("skip")]
    Skip,

    [JsonStringEnumMemberName("text")]
    Text,

    [JsonStringEnumMemberName("name")]
    Name,

    [JsonStringEnumMemberName("x+y")]
    XAndY,

    [JsonStringEnumMemberName("x+y+text")]
    XYAndText,

    [JsonStringEnumMemberName("text+name")]
    TextAndName,
}
