using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Persona.Core.Llm;
using Persona.Core.Llm.Structured;

namespace Persona.Core.Memories;

/// <summary>
/// The <c>summarizer</c> role: asks a model, through the structured-output path (schema, validation,
/// one repair), what a conversation reveals about the person. Key sentences must be quoted verbatim
/// from the person's messages. With no model, or no valid answer, the offline extractive summary is
/// used; each memory records which path produced it (<c>llm:&lt;model&gt;</c>, or the offline name).
/// </summary>
public sealed class ChatMemorySummarizer : IMemorySummarizer
{
    private const string Instructions =
        "You are a careful summarizer. You get the messages one person wrote in one conversation with an assistant. "
        + "Say in two or three sentences what the conversation reveals about the person: their interests, goals, circumstances and preferences. "
        + "Invent nothing. Quote up to three of the person's most revealing sentences verbatim as keySentences, and list up to five topic words. "
        + "Answer with a JSON object {\"summary\": \"...\", \"keySentences\": [...], \"topics\": [...]}.";

    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object",
         "properties":{
           "summary":{"type":"string","minLength":1,"maxLength":1200},
           "keySentences":{"type":"array","items":{"type":"string","minLength":1},"maxItems":5},
           "topics":{"type":"array","items":{"type":"string","minLength":1,"maxLength":60},"maxItems":8}},
         "required":["summary","keySentences","topics"],"additionalProperties":false}
        """).RootElement.Clone();

    private readonly IChatClient? _client;
    private readonly ChatOptions? _chatOptions;
    private readonly IMemorySummarizer _offline;

    /// <param name="client">The summarizer role's client; null runs the offline strategy.</param>
    /// <param name="chatOptions">Model id and temperature for the role.</param>
    /// <param name="offline">The offline strategy (default: <see cref="ExtractiveMemorySummarizer"/>).</param>
    public ChatMemorySummarizer(IChatClient? client, ChatOptions? chatOptions = null, IMemorySummarizer? offline = null)
    {
        _client = client;
        _chatOptions = chatOptions;
        _offline = offline ?? new ExtractiveMemorySummarizer();
    }

    /// <summary>The summarizer for the <c>summarizer</c> role of <paramref name="runtime"/>.</summary>
    public static ChatMemorySummarizer FromRuntime(LlmRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return new ChatMemorySummarizer(runtime.GetClient(LlmRole.Summarizer), runtime.ChatOptionsFor(LlmRole.Summarizer));
    }

    public string Name => _client is null ? _offline.Name : "llm-summarizer (offline: " + _offline.Name + ")";

    public async Task<MemorySummary> SummarizeAsync(ConversationTranscript conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var offline = await _offline.SummarizeAsync(conversation, cancellationToken).ConfigureAwait(false);
        var text = string.Join("\n", conversation.Messages.Select(m => m.Text));
        var request = new StructuredRequest<MemoryAnswer>(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, Brief(conversation))],
            Schema, "conversation_memory", MemoriesJsonContext.Default.MemoryAnswer,
            () => new MemoryAnswer(offline.Summary, offline.KeySentences, offline.Topics))
        {
            ChatOptions = _chatOptions,
            Check = answer => answer.KeySentences
                .Where(s => !text.Contains(s.Trim(), StringComparison.Ordinal))
                .Select(s => $"key sentence is not quoted verbatim from the person's messages: “{s}”"),
        };
        var result = await StructuredChat.RequestAsync(_client, request, cancellationToken).ConfigureAwait(false);
        var method = result.Provenance.Path == LlmPath.Offline ? _offline.Name : "llm:" + (result.Provenance.Model ?? "unknown");
        var v = result.Value;
        return new MemorySummary(v.Summary, v.KeySentences, [.. v.Topics.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0)], method);
    }

    private static string Brief(ConversationTranscript conversation)
    {
        var brief = new StringBuilder();
        if (conversation.Title is { } title)
            brief.Append("Conversation title: ").AppendLine(title).AppendLine();
        brief.AppendLine("The person's messages, in order:");
        foreach (var m in conversation.Messages)
            brief.Append("- ").AppendLine(m.Text.ReplaceLineEndings(" "));
        return brief.ToString();
    }
}
