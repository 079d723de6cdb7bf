namespace Persona.Core.Memories;

/// <summary>
/// Turns a conversation into a memory. <see cref="ExtractiveMemorySummarizer"/> works offline; a
/// model-backed summarizer (the <c>summarizer</c> LLM role) implements the same seam.
/// </summary>
public interface IMemorySummarizer
{
    /// <summary>Recorded on every memory it writes, e.g. <c>extractive-v1</c>.</summary>
    string Name { get; }

    Task<MemorySummary> SummarizeAsync(ConversationTranscript conversation, CancellationToken cancellationToken = default);
}
