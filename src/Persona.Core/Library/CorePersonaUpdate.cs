using System.Text.Json.Nodes;

namespace Persona.Core.Library;

/// <summary>A change to the core persona, e.g. an interview draft being applied or merged.</summary>
/// <param name="Fields">Dotted path (e.g. <c>goals.shortTerm</c>) → new value; null removes the field.</param>
/// <param name="Source">Origin recorded for every field set.</param>
/// <param name="Mode">Merge into or replace the current fields.</param>
/// <param name="Confidence">Optional 0..1 confidence recorded with the fields.</param>
public sealed record CorePersonaUpdate(
    IReadOnlyDictionary<string, JsonNode?> Fields,
    CoreFieldSource Source,
    CoreUpdateMode Mode = CoreUpdateMode.Merge,
    double? Confidence = null);
