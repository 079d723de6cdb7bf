using System.Text.Json.Serialization;

namespace Persona.Notebooks.Hosting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(KernelRequest))]
[JsonSerializable(typeof(KernelEvent))]
internal sealed partial class KernelJsonContext : JsonSerializerContext;
