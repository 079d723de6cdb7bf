namespace Persona.Core.Library;

/// <summary>What produced a version of a persona or of the core persona.</summary>
public enum PersonaChangeKind
{
    Created,
    Edited,
    Deleted,
    Restored,
    Reverted,
}
