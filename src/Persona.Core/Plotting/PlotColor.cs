using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>
/// <c>marker.color</c>: one CSS colour for every point, one colour per point, or one number per point
/// mapped through the marker's colour scale.
/// </summary>
[JsonConverter(typeof(PlotColorJsonConverter))]
public sealed class PlotColor
{
    private PlotColor(string? uniform, string[]? each, PlotArray? values)
    {
        Uniform = uniform;
        Each = each;
        Values = values;
    }

    /// <summary>The one colour of every point, or null.</summary>
    public string? Uniform { get; }

    /// <summary>One colour per point, or null.</summary>
    public IReadOnlyList<string>? Each { get; }

    /// <summary>One number per point for the colour scale, or null.</summary>
    public PlotArray? Values { get; }

    /// <summary>One CSS colour (<c>"#1f77b4"</c>, <c>"rgba(0,0,0,0.5)"</c>, <c>"red"</c>).</summary>
    public static PlotColor Of(string color)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(color);
        return new(color, null, null);
    }

    /// <summary>One CSS colour per point.</summary>
    public static PlotColor PerPoint(IEnumerable<string> colors)
    {
        ArgumentNullException.ThrowIfNull(colors);
        return new(null, [.. colors], null);
    }

    /// <summary>One number per point, coloured through the marker's <c>colorscale</c>.</summary>
    public static PlotColor Scaled(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(null, null, PlotArray.From(values));
    }

    /// <summary>
    /// One palette colour per point, chosen by its category; categories get colours in order of first
    /// appearance, so the same data always gets the same colours.
    /// </summary>
    public static PlotColor ByCategory(IEnumerable<string> categories, IReadOnlyList<string>? palette = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        palette ??= ColorPalette.Default;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var colors = new List<string>();
        foreach (var category in categories)
        {
            if (!index.TryGetValue(category, out var i))
                index[category] = i = index.Count;
            colors.Add(palette[i % palette.Count]);
        }

        return new(null, [.. colors], null);
    }

    public static implicit operator PlotColor(string color) => Of(color);
}
