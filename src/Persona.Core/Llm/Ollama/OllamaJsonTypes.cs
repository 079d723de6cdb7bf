using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Persona.Core.Llm.Ollama;

/// <summary>Type info for the plain <c>"json"</c> format value.</summary>
internal static class OllamaJsonTypes
{
    public static JsonTypeInfo<string> String => OllamaScalarContext.Default.String;
}

[JsonSerializable(typeof(string))]
internal sealed partial class OllamaScalarContext : JsonSerializerContext;
