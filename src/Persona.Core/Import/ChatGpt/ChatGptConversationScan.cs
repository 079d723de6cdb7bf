using System.Text.Json;

namespace Persona.Core.Import.ChatGpt;

/// <summary>What <see cref="ChatGptScanner"/> keeps of one conversation; reused from one conversation to the next.</summary>
internal sealed class ChatGptConversationScan
{
    public JsonValueKind Kind { get; set; }

    public string? ConversationId { get; set; }

    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? CurrentNode { get; set; }

    public DateTimeOffset? CreateTime { get; set; }

    public DateTimeOffset? UpdateTime { get; set; }

    /// <summary>The raw JSON of a non-null <c>create_time</c> (start, length in the source), for a derived id.</summary>
    public (int Start, int Length)? CreateTimeRaw { get; set; }

    /// <summary>Whether <c>mapping</c> is an object.</summary>
    public bool HasMapping { get; set; }

    public List<ChatGptNodeScan> Nodes { get; } = [];

    /// <summary>Why a value could not be decoded (invalid UTF-8), making the conversation unreadable; null when fine.</summary>
    public string? Broken { get; set; }

    public void Reset()
    {
        Kind = JsonValueKind.Undefined;
        ConversationId = Id = Title = CurrentNode = null;
        CreateTime = UpdateTime = null;
        CreateTimeRaw = null;
        HasMapping = false;
        Nodes.Clear();
        Broken = null;
    }
}
