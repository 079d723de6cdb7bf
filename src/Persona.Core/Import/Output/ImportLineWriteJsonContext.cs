using System.Text.Json.Serialization;

namespace Persona.Core.Import.Output;

/// <summary>Serialization-only twin of <see cref="ImportLineJsonContext"/> for writing (see <see cref="ImportWriteJsonContext"/>).</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SelfDescription))]
internal sealed partial class ImportLineWriteJsonContext : JsonSerializerContext
{
}
