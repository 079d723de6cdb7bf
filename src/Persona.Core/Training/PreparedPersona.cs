namespace Persona.Core.Training;

/// <summary>One persona after the filters, before its examples are built: what went in, what was removed, what is kept.</summary>
internal sealed record PreparedPersona(PersonaDataSource Source, IReadOnlyList<Candidate> Candidates, IReadOnlyList<FilterRemoval> Removed, IReadOnlyList<Candidate> Kept);
