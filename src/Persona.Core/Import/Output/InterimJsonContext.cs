using System.Text.Json.Serialization;

namespace Persona.Core.Import.Output;

[JsonSerializable(typeof(PersonMessage))]
internal sealed partial class InterimJsonContext : JsonSerializerContext
{
}
