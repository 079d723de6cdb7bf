namespace Persona.Core.Prompts;

/// <summary>How prompts are synthesized and checked. Validated once when the generator is built.</summary>
public sealed class PromptGenerationOptions
{
    /// <summary>Seed of the held-out split of the distinctness check; written into the output.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Real exchanges quoted per prompt (2–3 recommended).</summary>
    public int ExampleCount { get; init; } = 3;

    /// <summary>Message ids kept as evidence per claim.</summary>
    public int MaxEvidencePerClaim { get; init; } = 5;

    /// <summary>Share of each persona's messages held out for the distinctness check.</summary>
    public double HeldOutFraction { get; init; } = 0.2;

    /// <summary>Cosine similarity of two personas' style profiles at or above which a warning is issued.</summary>
    public double SimilarityWarningThreshold { get; init; } = 0.9;

    internal void Validate()
    {
        var problems = new List<string>();
        if (ExampleCount is < 0 or > 10)
            problems.Add($"ExampleCount {ExampleCount} is outside 0..10");
        if (MaxEvidencePerClaim is < 1 or > 100)
            problems.Add($"MaxEvidencePerClaim {MaxEvidencePerClaim} is outside 1..100");
        if (HeldOutFraction is <= 0 or >= 1 || double.IsNaN(HeldOutFraction))
            problems.Add($"HeldOutFraction {HeldOutFraction} must be strictly between 0 and 1");
        if (SimilarityWarningThreshold is <= 0 or > 1 || double.IsNaN(SimilarityWarningThreshold))
            problems.Add($"SimilarityWarningThreshold {SimilarityWarningThreshold} must be in (0, 1]");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid prompt generation options: " + string.Join("; ", problems));
    }
}
