namespace Persona.Core.Import;

/// <summary>Settings of one import run. Validated once, when the <see cref="ChatImporter"/> is built.</summary>
public sealed record ImportOptions
{
    /// <summary>Which branches to keep (default: the visible thread only).</summary>
    public BranchSelection Branches { get; init; } = BranchSelection.Active;

    /// <summary>At most this many trailing characters of the answered assistant turn are kept as context.</summary>
    public int ContextMaxChars { get; init; } = 2000;

    /// <summary>At most this many diagnostics are listed per file; the rest are counted.</summary>
    public int MaxDiagnosticsPerFile { get; init; } = 200;

    internal void Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Branches))
            problems.Add($"Branches must be one of {string.Join(", ", Enum.GetNames<BranchSelection>())} (was {(int)Branches})");
        if (ContextMaxChars < 0)
            problems.Add($"ContextMaxChars must be >= 0 (was {ContextMaxChars})");
        if (MaxDiagnosticsPerFile < 0)
            problems.Add($"MaxDiagnosticsPerFile must be >= 0 (was {MaxDiagnosticsPerFile})");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid import options: " + string.Join("; ", problems) + ".");
    }
}
