using System.Text.Json.Serialization;

namespace Persona.Core.Library;

/// <summary>Source-generated single-line JSON for the usage log (JSONL).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(PersonaUsageEntry))]
internal sealed partial class UsageLogJsonContext : JsonSerializerContext
{
}
