using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Points and/or lines at (x, y) (<c>type: "scatter"</c>).</summary>
public sealed record ScatterTrace(
    [property: JsonPropertyName("x")] PlotArray X,
    [property: JsonPropertyName("y")] PlotArray Y) : Trace("scatter")
{
    [JsonPropertyName("mode")]
    public ScatterMode Mode { get; init; } = ScatterMode.Markers;

    /// <summary>Labels drawn on the plot when <see cref="Mode"/> includes text; also shown on hover.</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<string>? Text { get; init; }

    [JsonPropertyName("marker")]
    public Marker? Marker { get; init; }

    [JsonPropertyName("line")]
    public LineStyle? Line { get; init; }

    /// <summary>A line through the points in order (a line chart).</summary>
    public static ScatterTrace Lines(PlotArray x, PlotArray y, string? name = null) =>
        new(x, y) { Mode = ScatterMode.Lines, Name = name };

    /// <summary>
    /// One marker trace per group, in order of each group's first appearance, coloured from
    /// <see cref="ColorPalette.Default"/> and named after the group, so the legend toggles groups.
    /// </summary>
    public static IReadOnlyList<ScatterTrace> ByGroup<T>(
        IEnumerable<T> items,
        Func<T, double> x,
        Func<T, double> y,
        Func<T, string> group,
        Func<T, string>? hoverText = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(group);
        var groups = new List<(string Name, List<T> Items)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = group(item);
            if (!index.TryGetValue(name, out var i))
            {
                index[name] = i = groups.Count;
                groups.Add((name, []));
            }

            groups[i].Items.Add(item);
        }

        return [.. groups.Select((g, i) => new ScatterTrace(PlotArray.From(g.Items.Select(x)), PlotArray.From(g.Items.Select(y)))
        {
            Name = g.Name,
            HoverText = hoverText is null ? null : [.. g.Items.Select(hoverText)],
            Marker = new Marker { Color = PlotColor.Of(ColorPalette.ColorAt(i)) },
        })];
    }
}
