namespace Persona.Core.Memories;

/// <summary>What a summarizer says a conversation reveals about the person.</summary>
/// <param name="Summary">A short text.</param>
/// <param name="KeySentences">The person's own most informative sentences (extractive), in conversation order.</param>
/// <param name="Topics">Salient topic terms, most salient first.</param>
/// <param name="Method">What produced this summary when it differs per call (e.g. a model id or the offline fallback); null means the summarizer's name.</param>
public sealed record MemorySummary(string Summary, IReadOnlyList<string> KeySentences, IReadOnlyList<string> Topics, string? Method = null);
