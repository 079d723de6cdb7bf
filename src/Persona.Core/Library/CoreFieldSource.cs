namespace Persona.Core.Library;

/// <summary>Where a field of the core persona came from.</summary>
public enum CoreFieldSource
{
    Manual,
    Interview,
    Memories,
    Extracted,
}
