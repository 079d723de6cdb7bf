namespace Persona.Core.Library;

/// <summary>The kind of place a persona is used in.</summary>
public enum PersonaContextKind
{
    Project,
    Channel,
    CouncilWorker,
    ForumSection,
    Other,
}
