using System.Text.Json.Nodes;

namespace Persona.Core.Interview;

/// <summary>One draft field as a model wrote it.</summary>
internal sealed record ModelDraftField(string Path, JsonNode? Value, double Confidence, IReadOnlyList<string> AnswerIds);
