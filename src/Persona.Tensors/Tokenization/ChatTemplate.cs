namespace Persona.Tensors.Tokenization;

/// <summary>
/// Renders conversations the way the model families' Jinja chat templates do, straight to token ids.
/// Special tokens are inserted by id; the text between them is encoded exactly as the whole rendered string
/// would be (the tokenizer splits on special tokens first), so ids equal tokenizer(apply_chat_template(…)).
/// </summary>
public sealed class ChatTemplate
{
    private readonly ITokenizer _tokenizer;
    private readonly int _start;
    private readonly int _end;
    private readonly int _headerEnd;
    private readonly int _beginOfText;

    /// <param name="defaultSystemPrompt">
    /// Added as a system turn when the conversation has none (Qwen2.5: "You are Qwen, created by Alibaba Cloud.
    /// You are a helpful assistant."; SmolLM2: "You are a helpful AI assistant named SmolLM, trained by Hugging Face").
    /// </param>
    public ChatTemplate(ITokenizer tokenizer, ChatFormat format, string? defaultSystemPrompt = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
        Format = format;
        DefaultSystemPrompt = defaultSystemPrompt;
        int Require(string content) => tokenizer.SpecialTokenId(content)
            ?? throw new ArgumentException($"the tokenizer has no '{content}' token, which the {format} chat format needs", nameof(tokenizer));
        if (format == ChatFormat.ChatMl)
        {
            _start = Require("<|im_start|>");
            _end = Require("<|im_end|>");
        }
        else
        {
            _beginOfText = Require("<|begin_of_text|>");
            _start = Require("<|start_header_id|>");
            _headerEnd = Require("<|end_header_id|>");
            _end = Require("<|eot_id|>");
        }
    }

    public ChatFormat Format { get; }

    public string? DefaultSystemPrompt { get; }

    /// <summary>The token that ends a turn; generation stops on it.</summary>
    public int EndOfTurnId => _end;

    /// <param name="trained">
    /// Per message (parallel to <paramref name="messages"/>): whether its content and end-of-turn token are marked
    /// in the mask. Null marks the assistant turns, as the chat templates' assistant masks do.
    /// </param>
    public ChatEncoding Encode(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = false, IReadOnlyList<bool>? trained = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (trained is not null && trained.Count != messages.Count)
            throw new ArgumentException($"{trained.Count} train flags for {messages.Count} messages", nameof(trained));
        var ids = new List<int>();
        var mask = new List<bool>();
        void Add(int id, bool assistant)
        {
            ids.Add(id);
            mask.Add(assistant);
        }

        void AddText(string text, bool assistant)
        {
            foreach (var id in _tokenizer.Encode(text))
                Add(id, assistant);
        }

        var turns = messages.Select((m, i) => (Message: m, Trained: trained?[i] ?? m.Role == ChatRole.Assistant)).ToList();
        if (DefaultSystemPrompt is not null && (turns.Count == 0 || turns[0].Message.Role != ChatRole.System))
            turns.Insert(0, (new ChatMessage(ChatRole.System, DefaultSystemPrompt), false));
        if (Format == ChatFormat.Llama3)
            Add(_beginOfText, false);
        foreach (var (turn, assistant) in turns)
        {
            Add(_start, false);
            if (Format == ChatFormat.ChatMl)
            {
                AddSegment(turn.Role.Value + "\n", turn.Content, assistant, Add);
                Add(_end, assistant);
                AddText("\n", false);
            }
            else
            {
                AddText(turn.Role.Value, false);
                Add(_headerEnd, false);
                AddSegment("\n\n", turn.Content.Trim(), assistant, Add);
                Add(_end, assistant);
            }
        }

        if (addGenerationPrompt)
        {
            Add(_start, false);
            if (Format == ChatFormat.ChatMl)
            {
                AddText("assistant\n", false);
            }
            else
            {
                AddText("assistant", false);
                Add(_headerEnd, false);
                AddText("\n\n", false);
            }
        }

        return new ChatEncoding(ids, mask);
    }

    // Encodes prefix + content as one piece of text (as the whole rendered string is encoded) and marks the
    // tokens after the prefix's own tokens as content. Should a token straddle the boundary, it counts as template.
    private void AddSegment(string prefix, string content, bool assistant, Action<int, bool> add)
    {
        var all = _tokenizer.Encode(prefix + content);
        var head = _tokenizer.Encode(prefix);
        var shared = 0;
        while (shared < head.Count && shared < all.Count && head[shared] == all[shared])
            shared++;
        if (shared < head.Count)
            shared++; // the first differing token spans the boundary
        for (var i = 0; i < all.Count; i++)
            add(all[i], assistant && i >= shared);
    }
}
