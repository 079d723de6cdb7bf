using System.Text.Json.Nodes;

namespace Persona.Core.Interview;

/// <summary>The question a model wrote (structured answer of the psychotherapist role).</summary>
internal sealed record ModelQuestionReply(string Question);

/// <summary>A model's analysis of one answer.</summary>
internal sealed record ModelAnalysisReply(string Richness, IReadOnlyList<string> KeyPhrases, IReadOnlyList<string> SensitiveTopics, string Reflection);

/// <summary>One draft field as a model wrote it.</summary>
internal sealed record ModelDraftField(string Path, JsonNode? Value, double Confidence, IReadOnlyList<string> AnswerIds);

/// <summary>A model's persona draft (structured answer of the summarizer role).</summary>
internal sealed record ModelDraftReply(IReadOnlyList<ModelDraftField> Fields, string Summary);
