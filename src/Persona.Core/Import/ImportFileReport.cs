namespace Persona.Core.Import;

/// <summary>What one input file (or zip entry) contributed.</summary>
public sealed record ImportFileReport
{
    /// <summary>The file, or <c>archive.zip!entry</c> for a zip member.</summary>
    public required string Path { get; init; }

    /// <summary>The detected format; null when the file could not be read.</summary>
    public ExportFormat? Format { get; init; }

    public int Conversations { get; init; }

    /// <summary>Person messages taken from this file (before de-duplication across files).</summary>
    public int Messages { get; init; }

    public int SelfDescriptions { get; init; }

    /// <summary>Items that did not become person messages, by reason.</summary>
    public IReadOnlyDictionary<SkipReason, int> Skipped { get; init; } = new Dictionary<SkipReason, int>();

    public IReadOnlyList<ImportDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Diagnostics beyond <see cref="ImportOptions.MaxDiagnosticsPerFile"/>, counted only.</summary>
    public int DiagnosticsOmitted { get; init; }

    /// <summary>Set when the file as a whole could not be imported (unknown format, not JSON, truncated).</summary>
    public string? Error { get; init; }
}
