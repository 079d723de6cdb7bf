using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>
/// A continuous colour scale (<c>colorscale</c>): one of Plotly's named scales, or explicit stops from 0 to 1.
/// </summary>
[JsonConverter(typeof(ColorScaleJsonConverter))]
public sealed class ColorScale
{
    private ColorScale(string? name, (double Position, string Color)[]? stops)
    {
        Name = name;
        Stops = stops;
    }

    public static ColorScale Viridis { get; } = new("Viridis", null);

    public static ColorScale Blues { get; } = new("Blues", null);

    public static ColorScale Reds { get; } = new("Reds", null);

    public static ColorScale YlOrRd { get; } = new("YlOrRd", null);

    public static ColorScale RdBu { get; } = new("RdBu", null);

    public static ColorScale Greys { get; } = new("Greys", null);

    /// <summary>The Plotly name, or null for explicit stops.</summary>
    public string? Name { get; }

    public IReadOnlyList<(double Position, string Color)>? Stops { get; }

    /// <summary>Any scale name Plotly knows (e.g. <c>"Cividis"</c>, <c>"Portland"</c>).</summary>
    public static ColorScale Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(name, null);
    }

    /// <summary>Explicit stops; positions must rise from 0 to 1.</summary>
    public static ColorScale FromStops(params IEnumerable<(double Position, string Color)> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        (double Position, string Color)[] list = [.. stops];
        if (list.Length < 2 || list[0].Position != 0 || list[^1].Position != 1)
            throw new ArgumentException("a colour scale needs at least two stops, the first at 0 and the last at 1", nameof(stops));
        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].Position < list[i - 1].Position)
                throw new ArgumentException($"colour scale stop {i} ({list[i].Position}) comes before stop {i - 1} ({list[i - 1].Position})", nameof(stops));
        }

        return new(null, list);
    }
}
