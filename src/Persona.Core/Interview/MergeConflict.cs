using System.Text.Json.Nodes;

namespace Persona.Core.Interview;

/// <summary>A field where a merge kept the current value because the draft disagrees with it.</summary>
/// <param name="Path">Dotted path.</param>
/// <param name="Current">The kept value.</param>
/// <param name="Proposed">The draft's value, not written.</param>
public sealed record MergeConflict(string Path, JsonNode? Current, JsonNode? Proposed);
