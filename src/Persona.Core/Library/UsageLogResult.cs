namespace Persona.Core.Library;

/// <summary>The usage log's entries and the lines that could not be read (file:line: reason).</summary>
public sealed record UsageLogResult(IReadOnlyList<PersonaUsageEntry> Entries, IReadOnlyList<string> Skipped);
