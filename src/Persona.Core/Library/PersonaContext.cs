namespace Persona.Core.Library;

/// <summary>A place personas are used in, with the personas assigned to it and the one it uses by default.</summary>
/// <param name="Id">Context id (a safe path segment).</param>
/// <param name="Kind">What kind of place it is.</param>
/// <param name="PersonaIds">Personas assigned to the context, in assignment order.</param>
/// <param name="DefaultPersonaId">The assigned persona used when a request names none; null when unset.</param>
public sealed record PersonaContext(string Id, PersonaContextKind Kind, IReadOnlyList<string> PersonaIds, string? DefaultPersonaId);
