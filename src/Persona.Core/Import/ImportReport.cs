namespace Persona.Core.Import;

/// <summary>The outcome of an import run; written to <c>extracted/import_report.json</c>.</summary>
public sealed record ImportReport
{
    public required DateTimeOffset ImportedAt { get; init; }

    public required BranchSelection Branches { get; init; }

    public required IReadOnlyList<ImportFileReport> Files { get; init; }

    /// <summary>Conversations with at least one person message in this run's inputs, after de-duplication.</summary>
    public int Conversations { get; init; }

    /// <summary>Person messages from this run's inputs, after de-duplication.</summary>
    public int Messages { get; init; }

    /// <summary>Copies of a conversation dropped because a newer or equal copy was read in this run.</summary>
    public int DuplicateConversations { get; init; }

    /// <summary>Rows in <c>all_messages</c> after merging with what was there.</summary>
    public int TotalMessages { get; init; }

    /// <summary>Lines in <c>self_description.jsonl</c> after merging.</summary>
    public int TotalSelfDescriptions { get; init; }

    /// <summary>Null when nothing was written (a file failed).</summary>
    public ImportChanges? Changes { get; init; }

    /// <summary>True when every input was read and the outputs were written.</summary>
    public bool Succeeded => Files.All(f => f.Error is null) && Changes is not null;
}
