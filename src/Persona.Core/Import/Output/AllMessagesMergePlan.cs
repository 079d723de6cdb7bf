namespace Persona.Core.Import.Output;

/// <summary>What merging a run into <c>all_messages</c> will do, known before any row is written.</summary>
/// <param name="Changes">How the run changes the conversations already there.</param>
/// <param name="Incoming">The run's conversations in (format, id) order.</param>
/// <param name="Ordered">Whether the existing rows are grouped in key order (streamed merge); otherwise they are merged in memory.</param>
/// <param name="Rows">Rows the new file will hold; null when the existing rows are merged in memory (known only then).</param>
internal sealed record AllMessagesMergePlan(
    ImportChanges Changes,
    IReadOnlyList<SpilledConversation> Incoming,
    bool Ordered,
    int? Rows);
