namespace Persona.Core.Memories;

/// <summary>What a summarizer says a conversation reveals about the person.</summary>
/// <param name="Summary">A short text.</param>
/// <param name="KeySentences">The person's own most informative sentences (extractive), in conversation order.</param>
/// <param name="Topics">Salient topic terms, most salient first.</param>
public sealed record MemorySummary(string Summary, IReadOnlyList<string> KeySentences, IReadOnlyList<string> Topics);
