namespace Persona.Core.Import;

/// <summary>A node of a conversation tree: its key, its parent's key and its time (for the latest-leaf fallback).</summary>
internal readonly record struct MessageTreeNode(string Key, string? Parent, DateTimeOffset? Time);
