using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>A line's look (<c>line</c> of a scatter trace, <c>marker.line</c> outlines).</summary>
public sealed record LineStyle
{
    [JsonPropertyName("color")]
    public string? Color { get; init; }

    [JsonPropertyName("width")]
    public double? Width { get; init; }

    [JsonPropertyName("dash")]
    public LineDash? Dash { get; init; }
}
