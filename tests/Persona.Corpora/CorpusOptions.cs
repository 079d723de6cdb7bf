namespace Persona.Corpora;

/// <summary>What to generate: which modes, how many person messages per mode, the seed.</summary>
public sealed record CorpusOptions
{
    /// <summary>Mode names from <see cref="ModeCatalog"/>; empty means the first <see cref="ModeCount"/>.</summary>
    public IReadOnlyList<string> Modes { get; init; } = [];

    public int ModeCount { get; init; } = 4;

    public int MessagesPerMode { get; init; } = 80;

    public int Seed { get; init; } = 1;

    /// <summary>Person messages per conversation are drawn from 1..this.</summary>
    public int MaxMessagesPerConversation { get; init; } = 4;

    public DateTimeOffset Start { get; init; } = new(2024, 1, 8, 9, 0, 0, TimeSpan.Zero);

    internal IReadOnlyList<CorpusMode> ResolveModes()
    {
        if (Modes.Count > 0)
            return [.. Modes.Select(ModeCatalog.Get)];
        ArgumentOutOfRangeException.ThrowIfLessThan(ModeCount, 1, nameof(ModeCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ModeCount, ModeCatalog.All.Count, nameof(ModeCount));
        return [.. ModeCatalog.All.Take(ModeCount)];
    }
}
