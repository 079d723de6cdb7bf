using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>How a scatter trace draws its points (<c>mode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScatterMode>))]
public enum ScatterMode
{
    [JsonStringEnumMemberName("markers")]
    Markers,

    [JsonStringEnumMemberName("lines")]
    Lines,

    [JsonStringEnumMemberName("lines+markers")]
    LinesAndMarkers,

    [JsonStringEnumMemberName("markers+text")]
    MarkersAndText,

    [JsonStringEnumMemberName("text")]
    Text,
}
