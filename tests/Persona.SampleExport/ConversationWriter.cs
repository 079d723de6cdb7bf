using System.Text.Json.Nodes;

namespace Persona.SampleExport;

/// <summary>Builds one ChatGPT conversation object: a mapping tree grown turn by turn.</summary>
internal sealed class ConversationWriter
{
    private readonly Random _random;
    private readonly List<JsonObject> _nodes = [];
    private readonly Dictionary<string, JsonObject> _byId = new(StringComparer.Ordinal);
    private readonly double _created;
    private string _current;

    public ConversationWriter(Random random, long clock)
    {
        _random = random;
        Clock = clock;
        _created = clock;
        Id = NewId();
        var root = AddNode(null, null);
        _current = AddNode(root, Message("system", "text", [""], null, hidden: true));
    }

    public string Id { get; }

    public long Clock { get; private set; }

    public void AddCustomInstructions(string profile, string instructions)
    {
        var content = new JsonObject
        {
            ["content_type"] = "user_editable_context",
            ["user_profile"] = profile,
            ["user_instructions"] = instructions,
        };
        var message = Message("user", null, null, null, hidden: true, content);
        message["metadata"]!["is_user_system_message"] = true;
        _current = AddNode(_current, message);
    }

    public string AddUser(string text)
    {
        Clock += _random.Next(20, 400);
        _current = AddNode(_current, Message("user", "text", [text], Clock));
        return _current;
    }

    /// <summary>A prompt the person then edited: it and its answer hang off the current node, away from the thread.</summary>
    public string AddUserBranch(string text, string reply)
    {
        Clock += _random.Next(20, 200);
        var draft = AddNode(_current, Message("user", "text", [text], Clock));
        AddNode(draft, Message("assistant", "text", [reply], Clock + 5));
        return draft;
    }

    public void AddAssistant(string text)
    {
        Clock += _random.Next(3, 40);
        _current = AddNode(_current, Message("assistant", "text", [text], Clock));
    }

    public JsonObject Build(string title)
    {
        // Real exports do not list parents before children: put the first node (the root) after its child.
        var ordered = _nodes.Skip(1).Take(1).Concat(_nodes.Take(1)).Concat(_nodes.Skip(2));
        var mapping = new JsonObject();
        foreach (var node in ordered)
            mapping[node["id"]!.GetValue<string>()] = node;
        return new JsonObject
        {
            ["title"] = title,
            ["create_time"] = _created,
            ["update_time"] = (double)Clock,
            ["mapping"] = mapping,
            ["moderation_results"] = new JsonArray(),
            ["current_node"] = _current,
            ["plugin_ids"] = null,
            ["conversation_id"] = Id,
            ["default_model_slug"] = "gpt-4o",
            ["is_archived"] = false,
            ["id"] = Id,
        };
    }

    private string AddNode(string? parent, JsonObject? message)
    {
        var id = NewId();
        if (message is not null)
            message["id"] = id;
        var node = new JsonObject { ["id"] = id, ["message"] = message, ["parent"] = parent, ["children"] = new JsonArray() };
        _nodes.Add(node);
        _byId[id] = node;
        if (parent is not null)
            _byId[parent]["children"]!.AsArray().Add(id);
        return id;
    }

    private static JsonObject Message(string role, string? contentType, string[]? parts, double? time, bool hidden = false, JsonObject? content = null)
    {
        var metadata = new JsonObject();
        if (hidden)
            metadata["is_visually_hidden_from_conversation"] = true;
        if (role == "assistant")
            metadata["model_slug"] = "gpt-4o";
        return new JsonObject
        {
            ["id"] = null,
            ["author"] = new JsonObject { ["role"] = role, ["name"] = null, ["metadata"] = new JsonObject() },
            ["create_time"] = time,
            ["update_time"] = null,
            ["content"] = content ?? new JsonObject
            {
                ["content_type"] = contentType,
                ["parts"] = new JsonArray([.. parts!.Select(p => (JsonNode)p)]),
            },
            ["status"] = "finished_successfully",
            ["end_turn"] = role == "assistant" ? true : null,
            ["weight"] = hidden ? 0.0 : 1.0,
            ["metadata"] = metadata,
            ["recipient"] = "all",
            ["channel"] = null,
        };
    }

    private string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new Guid(bytes).ToString();
    }
}
