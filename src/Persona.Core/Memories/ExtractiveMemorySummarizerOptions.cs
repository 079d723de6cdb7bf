namespace Persona.Core.Memories;

/// <summary>Settings of <see cref="ExtractiveMemorySummarizer"/>. Validated once by the summarizer.</summary>
public sealed record ExtractiveMemorySummarizerOptions
{
    /// <summary>How many of the person's sentences the memory keeps.</summary>
    public int MaxSentences { get; init; } = 3;

    /// <summary>How many topic terms the memory keeps.</summary>
    public int MaxTopics { get; init; } = 5;

    /// <summary>Sentences longer than this (characters) are cut with an ellipsis.</summary>
    public int MaxSentenceLength { get; init; } = 280;

    internal void Validate()
    {
        var problems = new List<string>();
        if (MaxSentences < 1)
            problems.Add("MaxSentences must be at least 1");
        if (MaxTopics < 0)
            problems.Add("MaxTopics must not be negative");
        if (MaxSentenceLength < 20)
            problems.Add("MaxSentenceLength must be at least 20");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid extractive summarizer options: " + string.Join("; ", problems) + ".", nameof(ExtractiveMemorySummarizerOptions));
    }
}
