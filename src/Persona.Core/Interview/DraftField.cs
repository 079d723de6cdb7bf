using System.Text.Json.Nodes;

namespace Persona.Core.Interview;

/// <summary>One field of a persona draft with its confidence and the answers it came from.</summary>
/// <param name="Path">Dotted core-persona path (e.g. <c>goals.shortTerm</c>).</param>
/// <param name="Value">A string or an array of strings.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="AnswerIds">The answers the value was drawn from.</param>
public sealed record DraftField(string Path, JsonNode? Value, double Confidence, IReadOnlyList<string> AnswerIds);
