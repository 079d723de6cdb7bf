using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Training;

/// <summary>
/// Turns conversations into <see cref="TrainingExample"/>s: the engine's <see cref="ChatTemplate"/> when the
/// vocabulary has chat tokens (its assistant mask marks the loss targets: assistant text and end-of-turn),
/// otherwise a plain transcript whose assistant replies and EOS are the targets.
/// </summary>
public sealed class ConversationEncoder
{
    private readonly ITokenizer _tokenizer;
    private readonly ChatTemplate? _template;

    public ConversationEncoder(ITokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
        if (tokenizer.SpecialTokenId("<|im_start|>") is not null && tokenizer.SpecialTokenId("<|im_end|>") is not null)
        {
            Format = PromptFormat.ChatMl;
            _template = new ChatTemplate(tokenizer, ChatFormat.ChatMl);
        }
        else if (tokenizer.SpecialTokenId("<|start_header_id|>") is not null && tokenizer.SpecialTokenId("<|eot_id|>") is not null)
        {
            Format = PromptFormat.Llama3;
            _template = new ChatTemplate(tokenizer, ChatFormat.Llama3);
        }
        else
        {
            Format = PromptFormat.PlainTranscript;
        }
    }

    public PromptFormat Format { get; }

    /// <summary>Encodes one conversation (its assistant turns are the targets), cut to <paramref name="maxLength"/> tokens.</summary>
    public TrainingExample Encode(IReadOnlyList<ChatMessage> messages, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return Encode(messages, [.. messages.Select(m => m.Role == ChatRole.Assistant)], maxLength);
    }

    /// <summary>
    /// Encodes a read conversation: its trained turns are the targets. A row's own <c>input_ids</c> are checked
    /// against this model's rendering of the same messages; when they are equal the row's <c>assistant_mask</c>
    /// marks the targets, otherwise (another tokenizer or template made them) the conversation is re-tokenised
    /// and <paramref name="note"/> says why.
    /// </summary>
    public TrainingExample Encode(ChatConversation conversation, int maxLength, out string? note)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        note = null;
        var own = Encode(conversation.Messages, conversation.Trained, int.MaxValue);
        if (conversation.InputIds is { } rowIds && conversation.AssistantMask is { } rowMask)
        {
            if (rowIds.AsSpan().SequenceEqual(own.Ids))
                own = new TrainingExample(rowIds, rowMask);
            else
                note = rowIds.FirstOrDefault(id => id >= _tokenizer.VocabSize) is var big && big >= _tokenizer.VocabSize
                    ? $"input_ids hold {big}, beyond the model's vocabulary of {_tokenizer.VocabSize}: re-tokenised with the model's tokenizer"
                    : $"input_ids ({rowIds.Length} tokens) differ from this model's rendering ({own.Ids.Length} tokens; made by another tokenizer or template?): re-tokenised with the model's tokenizer";
        }

        return own.Ids.Length <= maxLength ? own : new TrainingExample(own.Ids[..maxLength], own.Targets[..maxLength]);
    }

    private TrainingExample Encode(IReadOnlyList<ChatMessage> messages, IReadOnlyList<bool> trained, int maxLength)
    {
        List<int> ids;
        List<bool> targets;
        if (_template is not null)
        {
            var encoding = _template.Encode(messages, trained: trained);
            ids = [.. encoding.Ids];
            targets = [.. encoding.AssistantMask];
        }
        else
        {
            ids = [];
            targets = [];
            if (_tokenizer.BosId is { } bos)
            {
                ids.Add(bos);
                targets.Add(false);
            }

            for (var m = 0; m < messages.Count; m++)
            {
                var message = messages[m];
                var assistant = trained[m];
                Append(PlainPrefix(message.Role), false, ids, targets);
                Append(message.Content, assistant, ids, targets);
                if (assistant && _tokenizer.EosId is { } eos)
                {
                    ids.Add(eos);
                    targets.Add(true);
                }
                else
                {
                    Append("\n", false, ids, targets);
                }
            }
        }

        if (ids.Count > maxLength)
        {
            ids.RemoveRange(maxLength, ids.Count - maxLength);
            targets.RemoveRange(maxLength, targets.Count - maxLength);
        }

        return new TrainingExample([.. ids], [.. targets]);
    }

    /// <summary>The prompt tokens to generate a reply from (the same layout as training, ending where the assistant speaks).</summary>
    public IReadOnlyList<int> EncodePrompt(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (_template is not null)
            return _template.Encode(messages, addGenerationPrompt: true).Ids;
        var ids = new List<int>();
        var unused = new List<bool>();
        if (_tokenizer.BosId is { } bos)
            ids.Add(bos);
        foreach (var message in messages)
        {
            Append(PlainPrefix(message.Role) + message.Content + "\n", false, ids, unused);
        }

        Append(PlainPrefix(ChatRole.Assistant), false, ids, unused);
        return ids;
    }

    internal static string PlainPrefix(ChatRole role) => role == ChatRole.Assistant ? "Assistant: " : role == ChatRole.System ? "System: " : "User: ";

    private void Append(string text, bool target, List<int> ids, List<bool> targets)
    {
        if (text.Length == 0)
            return;
        foreach (var id in _tokenizer.Encode(text))
        {
            ids.Add(id);
            targets.Add(target);
        }
    }
}
