using System.Text.Json.Nodes;

namespace Persona.Core.Interview;

/// <summary>One field of the review: the current core value beside the draft's.</summary>
/// <param name="Path">Dotted path.</param>
/// <param name="Current">The value in <c>core.json</c>, or null.</param>
/// <param name="Proposed">The draft's value, or null (for <see cref="FieldChange.Removed"/>).</param>
/// <param name="Change">Added, changed, unchanged or removed.</param>
/// <param name="Confidence">The draft's confidence; null for removed fields.</param>
public sealed record FieldDiff(string Path, JsonNode? Current, JsonNode? Proposed, FieldChange Change, double? Confidence);
