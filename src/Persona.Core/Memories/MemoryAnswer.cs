namespace Persona.Core.Memories;

/// <summary>The JSON a summarizer model answers with.</summary>
internal sealed record MemoryAnswer(string Summary, IReadOnlyList<string> KeySentences, IReadOnlyList<string> Topics);
