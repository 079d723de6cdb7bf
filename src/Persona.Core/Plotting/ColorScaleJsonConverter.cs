using System.Text.Json;
using System.Text.Json.Serialization;

namespace Persona.Core.Plotting;

/// <summary>Writes a <see cref="ColorScale"/> as a name or as <c>[[position, colour], …]</c>.</summary>
internal sealed class ColorScaleJsonConverter : JsonConverter<ColorScale>
{
    public override ColorScale Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("figures are serialised, not read back");

    public override void Write(Utf8JsonWriter writer, ColorScale value, JsonSerializerOptions options)
    {
        if (value.Name is { } name)
        {
            writer.WriteStringValue(name);
            return;
        }

        writer.WriteStartArray();
        foreach (var (position, color) in value.Stops!)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(position);
            writer.WriteStringValue(color);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
