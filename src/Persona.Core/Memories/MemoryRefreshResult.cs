namespace Persona.Core.Memories;

/// <summary>Counts of a memory refresh; every failure is listed.</summary>
/// <param name="Conversations">Conversations in the input.</param>
/// <param name="Refreshed">Memories written.</param>
/// <param name="Skipped">Conversations left alone (up to date, empty, or beyond the clamp).</param>
/// <param name="Failures">Conversations whose summarizer failed; the refresh went on without them.</param>
/// <param name="Summarizer">Which summarizer ran.</param>
public sealed record MemoryRefreshResult(int Conversations, int Refreshed, int Skipped, IReadOnlyList<MemoryRefreshFailure> Failures, string Summarizer)
{
    public int Failed => Failures.Count;
}
