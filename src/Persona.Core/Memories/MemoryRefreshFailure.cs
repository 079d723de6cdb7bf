namespace Persona.Core.Memories;

/// <summary>A conversation whose memory could not be refreshed, and why.</summary>
public sealed record MemoryRefreshFailure(string ConversationId, string Error);
