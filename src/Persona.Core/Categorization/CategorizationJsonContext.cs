using System.Text.Json.Serialization;

namespace Persona.Core.Categorization;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(CategorizationInfo))]
internal sealed partial class CategorizationJsonContext : JsonSerializerContext;
