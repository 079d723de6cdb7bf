using System.Text.Json;
using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Writes a <see cref="PlotArray"/> as a flat JSON array (figures are written, never read).</summary>
internal sealed class PlotArrayJsonConverter : JsonConverter<PlotArray>
{
    public override PlotArray Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("figures are serialised, not read back");

    public override void Write(Utf8JsonWriter writer, PlotArray value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        if (value.Numbers is { } numbers)
        {
            foreach (var number in numbers)
                PlotJson.WriteNumber(writer, number);
        }
        else
        {
            foreach (var s in value.Strings!)
                writer.WriteStringValue(s);
        }

        writer.WriteEndArray();
    }
}
