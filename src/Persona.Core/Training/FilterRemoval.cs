namespace Persona.Core.Training;

/// <summary>One removed item: which, by which filter, and why (e.g. the id it duplicates).</summary>
public sealed record FilterRemoval(string Id, FilterKind Filter, string Detail);
