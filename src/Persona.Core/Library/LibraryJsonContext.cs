using System.Text.Json.Serialization;

namespace Persona.Core.Library;

/// <summary>Source-generated JSON for everything the library stores.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PersonaVersion))]
[JsonSerializable(typeof(PersonaContexts))]
[JsonSerializable(typeof(CorePersona))]
internal sealed partial class LibraryJsonContext : JsonSerializerContext
{
}
