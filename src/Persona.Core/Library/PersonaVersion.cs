namespace Persona.Core.Library;

/// <summary>An immutable history record: the persona as it was after one change.</summary>
/// <param name="Persona">The persona after the change.</param>
/// <param name="Change">What kind of change produced it.</param>
/// <param name="RevertedFrom">For <see cref="PersonaChangeKind.Reverted"/>, the version whose content was restored.</param>
/// <param name="Note">Optional free-text reason.</param>
public sealed record PersonaVersion(PersonaEntry Persona, PersonaChangeKind Change, int? RevertedFrom, string? Note);
