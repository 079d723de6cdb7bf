using System.Text.Json.Serialization;

namespace Persona.Core.Import.Output;

/// <summary>
/// Serialization-only twin of <see cref="ImportJsonContext"/> for writing <c>import_report.json</c>: the generated
/// code writes straight to the <see cref="System.Text.Json.Utf8JsonWriter"/> without building property metadata
/// first, which a one-shot import would otherwise compile and run once per process.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ImportReport))]
internal sealed partial class ImportWriteJsonContext : JsonSerializerContext
{
}
