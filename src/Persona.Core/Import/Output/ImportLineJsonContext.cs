using System.Text.Json.Serialization;

namespace Persona.Core.Import.Output;

/// <summary>Source-generated JSON for one-record-per-line outputs (no indentation).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SelfDescription))]
internal sealed partial class ImportLineJsonContext : JsonSerializerContext
{
}
