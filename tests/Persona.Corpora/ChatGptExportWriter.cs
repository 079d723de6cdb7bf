using System.Text.Json;

namespace Persona.Corpora;

/// <summary>
/// Writes a corpus as a ChatGPT <c>conversations.json</c> export: per conversation a mapping tree
/// (root → hidden system message → alternating user/assistant nodes), <c>current_node</c> at the
/// last assistant reply, and now and then a regenerated assistant reply on an abandoned branch.
/// Also writes the labels file (message id → true mode).
/// </summary>
public static class ChatGptExportWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };
    private static readonly JsonWriterOptions Compact = new() { Indented = false };

    public static async Task WriteExportAsync(LabelledCorpus corpus, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(stream);
        var random = new Random(corpus.Seed ^ 0x5EED);
        await using var json = new Utf8JsonWriter(stream, Compact);
        json.WriteStartArray();
        foreach (var conversation in corpus.Items.GroupBy(i => i.Message.ConversationId))
        {
            WriteConversation(json, [.. conversation], random);
            if (json.BytesPending > 1 << 16)
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteLabelsAsync(LabelledCorpus corpus, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(stream);
        await using var json = new Utf8JsonWriter(stream, Indented);
        json.WriteStartObject();
        json.WriteString("generator", "Persona.Corpora.LabelledCorpusGenerator");
        json.WriteNumber("seed", corpus.Seed);
        json.WriteStartArray("modes");
        foreach (var mode in corpus.Modes)
            json.WriteStringValue(mode);
        json.WriteEndArray();
        json.WriteStartArray("labels");
        foreach (var item in corpus.Items)
        {
            json.WriteStartObject();
            json.WriteString("message_id", item.Message.MessageId);
            json.WriteString("conversation_id", item.Message.ConversationId);
            json.WriteString("mode", item.Mode);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteConversation(Utf8JsonWriter json, List<LabelledMessage> turns, Random random)
    {
        var first = turns[0].Message;
        var created = first.CreatedAt!.Value.ToUnixTimeMilliseconds() / 1000.0;
        var nodes = new List<Node>();
        var root = new Node(LabelledCorpusGenerator.NewId(random), null, null, null, created);
        var system = new Node(LabelledCorpusGenerator.NewId(random), root.Id, "system", "", created);
        nodes.Add(root);
        nodes.Add(system);
        var parent = system.Id;
        var last = created;
        foreach (var turn in turns)
        {
            var at = turn.Message.CreatedAt!.Value.ToUnixTimeMilliseconds() / 1000.0;
            var user = new Node(turn.Message.MessageId, parent, "user", turn.Message.Text, at);
            nodes.Add(user);
            if (random.NextDouble() < 0.15)
                nodes.Add(new Node(LabelledCorpusGenerator.NewId(random), user.Id, "assistant", "(regenerated) " + turn.AssistantReply, at + 5));
            var assistant = new Node(LabelledCorpusGenerator.NewId(random), user.Id, "assistant", turn.AssistantReply, at + 12);
            nodes.Add(assistant);
            parent = assistant.Id;
            last = at + 12;
        }

        json.WriteStartObject();
        json.WriteString("title", first.ConversationTitle);
        json.WriteNumber("create_time", created);
        json.WriteNumber("update_time", last);
        json.WriteStartObject("mapping");
        foreach (var node in nodes)
            WriteNode(json, node, nodes);
        json.WriteEndObject();
        json.WriteStartArray("moderation_results");
        json.WriteEndArray();
        json.WriteString("current_node", parent);
        json.WriteNull("plugin_ids");
        json.WriteString("conversation_id", first.ConversationId);
        json.WriteNull("conversation_template_id");
        json.WriteNull("gizmo_id");
        json.WriteBoolean("is_archived", false);
        json.WriteString("default_model_slug", "gpt-4o");
        json.WriteString("id", first.ConversationId);
        json.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter json, Node node, List<Node> nodes)
    {
        json.WriteStartObject(node.Id);
        json.WriteString("id", node.Id);
        if (node.Role is null)
        {
            json.WriteNull("message");
        }
        else
        {
            json.WriteStartObject("message");
            json.WriteString("id", node.Id);
            json.WriteStartObject("author");
            json.WriteString("role", node.Role);
            json.WriteNull("name");
            json.WriteStartObject("metadata");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteNumber("create_time", node.CreateTime);
            json.WriteNull("update_time");
            json.WriteStartObject("content");
            json.WriteString("content_type", "text");
            json.WriteStartArray("parts");
            json.WriteStringValue(node.Text);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("status", "finished_successfully");
            json.WriteBoolean("end_turn", node.Role == "assistant");
            json.WriteNumber("weight", 1.0);
            json.WriteStartObject("metadata");
            if (node.Role == "system")
                json.WriteBoolean("is_visually_hidden_from_conversation", true);
            if (node.Role == "assistant")
                json.WriteString("model_slug", "gpt-4o");
            json.WriteEndObject();
            json.WriteString("recipient", "all");
            json.WriteEndObject();
        }

        if (node.Parent is null)
            json.WriteNull("parent");
        else
            json.WriteString("parent", node.Parent);
        json.WriteStartArray("children");
        foreach (var child in nodes.Where(n => n.Parent == node.Id))
            json.WriteStringValue(child.Id);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private sealed record Node(string Id, string? Parent, string? Role, string? Text, double CreateTime);
}
