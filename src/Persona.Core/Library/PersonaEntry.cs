namespace Persona.Core.Library;

/// <summary>One version of a persona in the library: what a prompt is built from.</summary>
/// <param name="Id">Stable id; also the persona's folder name, so it is a safe path segment.</param>
/// <param name="Name">Display name.</param>
/// <param name="Instructions">The system prompt.</param>
/// <param name="Description">What the persona is for; never part of the prompt.</param>
/// <param name="Source">Where the persona came from.</param>
/// <param name="Version">1 for the first version; every change appends the next.</param>
/// <param name="IsActive">False once soft-deleted; restore makes it active again.</param>
/// <param name="CreatedAt">When version 1 was written.</param>
/// <param name="UpdatedAt">When this version was written.</param>
/// <param name="Author">Who wrote this version.</param>
public sealed record PersonaEntry(
    string Id,
    string Name,
    string Instructions,
    string Description,
    PersonaSource Source,
    int Version,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Author);
