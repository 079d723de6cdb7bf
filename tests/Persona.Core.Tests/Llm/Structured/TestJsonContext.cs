using System.Text.Json.Serialization;

namespace Persona.Core.Tests.Llm.Structured;

[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
