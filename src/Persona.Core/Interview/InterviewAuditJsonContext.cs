using System.Text.Json.Serialization;

namespace Persona.Core.Interview;

/// <summary>Source-generated JSON for audit lines: one compact object per line, empty fields left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InterviewAuditEntry))]
internal sealed partial class InterviewAuditJsonContext : JsonSerializerContext
{
}
