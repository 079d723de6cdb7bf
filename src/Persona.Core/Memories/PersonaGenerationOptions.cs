namespace Persona.Core.Memories;

/// <summary>Settings of <see cref="CorePersonaGenerator"/>.</summary>
public sealed record PersonaGenerationOptions
{
    /// <summary>Refresh memories before deriving fields; null to use the stored memories as they are.</summary>
    public MemoryRefreshOptions? Refresh { get; init; } = new();

    /// <summary>How many most recent conversations define the current focus.</summary>
    public int RecentConversations { get; init; } = 10;

    /// <summary>How many terms each derived list keeps.</summary>
    public int MaxTerms { get; init; } = 5;

    internal void Validate()
    {
        var problems = new List<string>();
        if (RecentConversations < 1)
            problems.Add("RecentConversations must be at least 1");
        if (MaxTerms < 1)
            problems.Add("MaxTerms must be at least 1");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid generation options: " + string.Join("; ", problems) + ".", nameof(PersonaGenerationOptions));
        Refresh?.Validate();
    }
}
