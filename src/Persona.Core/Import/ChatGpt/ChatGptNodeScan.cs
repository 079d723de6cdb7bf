namespace Persona.Core.Import.ChatGpt;

/// <summary>One entry of a conversation's <c>mapping</c>, as far as the import needs it.</summary>
internal sealed class ChatGptNodeScan(string key, bool isObject)
{
    public string Key { get; } = key;

    /// <summary>False when the mapping value is not an object (the node is then skipped with a diagnostic).</summary>
    public bool IsObject { get; } = isObject;

    public string? Parent { get; set; }

    /// <summary>The node's <c>children</c> string entries; null when it has no <c>children</c> array.</summary>
    public List<string>? Children { get; set; }

    public ChatGptMessageScan? Message { get; set; }
}
