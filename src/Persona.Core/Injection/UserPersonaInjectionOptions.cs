namespace Persona.Core.Injection;

/// <summary>What <see cref="UserPersonaInjector"/> may put into a prompt. Validated once by the injector.</summary>
public sealed record UserPersonaInjectionOptions
{
    /// <summary>The top-level keys of the core persona that may appear in prompts, in rendering order.</summary>
    public IReadOnlyList<string> Allowlist { get; init; } = DefaultAllowlist;

    /// <summary>Cap on each rendered sentence, in characters (cut on a word boundary with an ellipsis); null for none.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Rendered when there is no persona or no allowed key remains.</summary>
    public string FallbackText { get; init; } = "User persona not available.";

    /// <summary>Rendered for an allowed key whose value is missing or empty.</summary>
    public string MissingText { get; init; } = "[Not available]";

    /// <summary>The keys the core persona is written with.</summary>
    public static IReadOnlyList<string> DefaultAllowlist { get; } =
        ["name", "values", "goals", "personality", "traits", "biography", "currentFocus", "interests"];

    internal void Validate()
    {
        var problems = new List<string>();
        if (Allowlist is null)
            problems.Add("Allowlist must not be null");
        else if (Allowlist.Any(k => string.IsNullOrWhiteSpace(k) || k.Contains("__", StringComparison.Ordinal) || k.Contains('{', StringComparison.Ordinal) || k.Contains('}', StringComparison.Ordinal)))
            problems.Add("Allowlist keys must be non-empty and contain neither '__' nor braces");
        if (MaxLength is < 16)
            problems.Add("MaxLength must be at least 16 when set");
        if (string.IsNullOrEmpty(FallbackText))
            problems.Add("FallbackText must not be empty");
        if (string.IsNullOrEmpty(MissingText))
            problems.Add("MissingText must not be empty");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid injection options: " + string.Join("; ", problems) + ".", nameof(UserPersonaInjectionOptions));
    }
}
