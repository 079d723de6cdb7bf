using System.Text.Json.Serialization;

namespace Persona.Core.Tests;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
