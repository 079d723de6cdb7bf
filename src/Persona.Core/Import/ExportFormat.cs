namespace Persona.Core.Import;

/// <summary>The chat-export formats the importer recognises by content.</summary>
public enum ExportFormat
{
    /// <summary>ChatGPT <c>conversations.json</c> (mapping tree with <c>current_node</c>).</summary>
    ChatGpt,

    /// <summary>Claude.ai export (<c>chat_messages</c>) or the per-conversation web API shape.</summary>
    Claude,

    /// <summary>ShareGPT / Vicuna <c>conversations[{from, value}]</c>.</summary>
    ShareGpt,

    /// <summary>OpenAI chat fine-tuning JSONL (<c>{"messages": [...]}</c> per line).</summary>
    OpenAiFineTuneJsonl,
}
