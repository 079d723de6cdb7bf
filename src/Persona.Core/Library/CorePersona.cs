using System.Text.Json.Nodes;

namespace Persona.Core.Library;

/// <summary>
/// One version of the person's core persona (<c>persona/core.json</c>): structured fields as a JSON
/// object (e.g. <c>values.core</c>, <c>goals.shortTerm</c>, <c>personality.communicationStyle</c>,
/// <c>traits</c>, <c>biography</c>, <c>currentFocus</c>) with per-field provenance keyed by dotted path.
/// Version 0 is the empty persona before anything was written.
/// </summary>
/// <param name="Version">0 when nothing was written yet; every change appends the next.</param>
/// <param name="UpdatedAt">When this version was written.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Change">What produced it.</param>
/// <param name="RevertedFrom">For a revert, the version whose content was restored.</param>
/// <param name="Note">Optional free-text reason.</param>
/// <param name="Fields">The fields. Treat as read-only: the store hands out copies.</param>
/// <param name="Provenance">Dotted field path → origin.</param>
public sealed record CorePersona(
    int Version,
    DateTimeOffset UpdatedAt,
    string Author,
    PersonaChangeKind Change,
    int? RevertedFrom,
    string? Note,
    JsonObject Fields,
    IReadOnlyDictionary<string, CoreFieldProvenance> Provenance)
{
    /// <summary>The value at a dotted path (e.g. <c>values.core</c>), or null.</summary>
    public JsonNode? GetField(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        JsonNode? node = Fields;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
                return null;
        }

        return node;
    }
}
