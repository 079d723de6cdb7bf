using System.Text.Json.Serialization;

namespace Persona.Core.Import.Output;

/// <summary>Source-generated JSON for the import's outputs (report, self-description lines).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ImportReport))]
internal sealed partial class ImportJsonContext : JsonSerializerContext
{
}
