using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Space around the plot area in pixels (<c>layout.margin</c>).</summary>
public sealed record Margin
{
    [JsonPropertyName("l")]
    public int? Left { get; init; }

    [JsonPropertyName("r")]
    public int? Right { get; init; }

    [JsonPropertyName("t")]
    public int? Top { get; init; }

    [JsonPropertyName("b")]
    public int? Bottom { get; init; }
}
