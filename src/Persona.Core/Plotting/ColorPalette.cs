namespace Persona.Core.Plotting;

/// <summary>Categorical colour lists for groups and clusters.</summary>
public static class ColorPalette
{
    /// <summary>plotly.js's default trace colourway (ten colours), so grouped and per-point colours agree.</summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>The colour of the <paramref name="index"/>-th group, cycling through <see cref="Default"/>.</summary>
    public static string ColorAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Default[index % Default.Count];
    }
}
