using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Persona.Core.Training.Synthetic;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SyntheticPromptCacheEntry))]
[JsonSerializable(typeof(SyntheticPromptAnswer))]
internal sealed partial class SyntheticPromptJsonContext : JsonSerializerContext
{
    /// <summary>One line per entry, text written as text.</summary>
    public static SyntheticPromptJsonContext Lines { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
