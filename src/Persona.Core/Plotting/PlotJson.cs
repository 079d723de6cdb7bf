using System.Text.Json;

namespace Persona.Core.Plotting;

/// <summary>Number writing shared by the figure converters: non-finite values become null (a gap).</summary>
internal static class PlotJson
{
    public static void WriteNumber(Utf8JsonWriter writer, double? value)
    {
        if (value is { } d && double.IsFinite(d))
            writer.WriteNumberValue(d);
        else
            writer.WriteNullValue();
    }
}
