using System.Text.Json;
using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Writes a <see cref="PlotColor"/> as a string or an array, the two shapes Plotly accepts.</summary>
internal sealed class PlotColorJsonConverter : JsonConverter<PlotColor>
{
    public override PlotColor Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("figures are serialised, not read back");

    public override void Write(Utf8JsonWriter writer, PlotColor value, JsonSerializerOptions options)
    {
        if (value.Uniform is { } uniform)
        {
            writer.WriteStringValue(uniform);
            return;
        }

        if (value.Values is { } values)
        {
            JsonSerializer.Serialize(writer, values, PlotlyJsonContext.Default.PlotArray);
            return;
        }

        writer.WriteStartArray();
        foreach (var color in value.Each!)
            writer.WriteStringValue(color);
        writer.WriteEndArray();
    }
}
