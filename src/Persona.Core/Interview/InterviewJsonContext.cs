using System.Text.Json.Serialization;

namespace Persona.Core.Interview;

/// <summary>Source-generated JSON for every interview file.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InterviewSession))]
[JsonSerializable(typeof(InterviewIndex))]
[JsonSerializable(typeof(InterviewDraft))]
internal sealed partial class InterviewJsonContext : JsonSerializerContext
{
}
