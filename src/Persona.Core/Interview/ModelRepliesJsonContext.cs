using System.Text.Json.Serialization;

namespace Persona.Core.Interview;

/// <summary>Source-generated JSON for the structured answers models give the interview.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ModelQuestionReply))]
[JsonSerializable(typeof(ModelAnalysisReply))]
[JsonSerializable(typeof(ModelDraftReply))]
internal sealed partial class ModelRepliesJsonContext : JsonSerializerContext
{
}
