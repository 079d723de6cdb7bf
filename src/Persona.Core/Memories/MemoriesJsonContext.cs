using System.Text.Json.Serialization;

namespace Persona.Core.Memories;

/// <summary>Source-generated JSON for the memory store.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<ConversationMemory>))]
[JsonSerializable(typeof(MemoryAnswer))]
internal sealed partial class MemoriesJsonContext : JsonSerializerContext
{
}
