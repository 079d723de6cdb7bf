using System.Text.Json;
using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Writes a <see cref="PlotMatrix"/> as an array of row arrays.</summary>
internal sealed class PlotMatrixJsonConverter : JsonConverter<PlotMatrix>
{
    public override PlotMatrix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("figures are serialised, not read back");

    public override void Write(Utf8JsonWriter writer, PlotMatrix value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var row in value.Rows)
        {
            writer.WriteStartArray();
            foreach (var cell in row)
                PlotJson.WriteNumber(writer, cell);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
