using System.Globalization;
using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>
/// The values of one data dimension (<c>x</c>, <c>y</c>, histogram samples, heatmap labels): numbers or
/// category strings. Serialised as a JSON array; a NaN or missing number becomes <c>null</c>, which Plotly
/// draws as a gap.
/// </summary>
[JsonConverter(typeof(PlotArrayJsonConverter))]
public sealed class PlotArray
{
    private PlotArray(double?[]? numbers, string?[]? strings)
    {
        Numbers = numbers;
        Strings = strings;
    }

    /// <summary>The numeric values, or null when the array holds strings.</summary>
    public IReadOnlyList<double?>? Numbers { get; }

    /// <summary>The string values, or null when the array holds numbers.</summary>
    public IReadOnlyList<string?>? Strings { get; }

    public int Count => Numbers?.Count ?? Strings!.Count;

    public static PlotArray From(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new([.. values.Select(v => double.IsFinite(v) ? v : (double?)null)], null);
    }

    public static PlotArray From(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new([.. values.Select(v => v is { } d && double.IsFinite(d) ? d : (double?)null)], null);
    }

    public static PlotArray From(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new([.. values.Select(v => (double?)v)], null);
    }

    public static PlotArray From(IEnumerable<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new([.. values.Select(v => (double?)v)], null);
    }

    public static PlotArray From(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(null, [.. values]);
    }

    /// <summary>Timestamps as ISO 8601 strings, which Plotly reads as a date axis.</summary>
    public static PlotArray From(IEnumerable<DateTimeOffset> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(null, [.. values.Select(v => v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))]);
    }

    public static implicit operator PlotArray(double[] values) => From(values);

    public static implicit operator PlotArray(int[] values) => From(values);

    public static implicit operator PlotArray(string[] values) => From(values);

    public static implicit operator PlotArray(List<double> values) => From(values);

    public static implicit operator PlotArray(List<string> values) => From(values);
}
