namespace Persona.Core.Memories;

/// <summary>Which conversations a refresh summarizes.</summary>
public sealed record MemoryRefreshOptions
{
    /// <summary>Only conversations whose memory is missing or older than the conversation.</summary>
    public bool OnlyNeeding { get; init; } = true;

    /// <summary>Also make (empty) memories for conversations without any text.</summary>
    public bool IncludeEmpty { get; init; }

    /// <summary>Summarize at most this many conversations (most recently updated first); null for all.</summary>
    public int? Clamp { get; init; }

    internal void Validate()
    {
        if (Clamp is < 0)
            throw new ArgumentException($"Clamp must not be negative (was {Clamp}).", nameof(MemoryRefreshOptions));
    }
}
