using Persona.Tensors.Tokenization;

namespace Persona.Core.Training;

/// <summary>
/// A base model's tokenizer (HF <c>tokenizer.json</c>) with its chat template: exact token counts, and
/// every example rendered to ids with the assistant mask (assistant content and its end-of-turn token).
/// The layout is ChatML when the vocabulary has <c>&lt;|im_start|&gt;</c>, else Llama-3.
/// </summary>
public sealed class ChatTemplateDatasetTokenizer : IDatasetTokenizer
{
    private readonly ITokenizer _tokenizer;
    private readonly ChatTemplate _template;

    public ChatTemplateDatasetTokenizer(ITokenizer tokenizer, string name)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _tokenizer = tokenizer;
        var format = tokenizer.SpecialTokenId("<|im_start|>") is not null ? ChatFormat.ChatMl : ChatFormat.Llama3;
        _template = new ChatTemplate(tokenizer, format);
        Name = $"{name} ({format})";
    }

    public string Name { get; }

    public bool IsEstimate => false;

    /// <summary>Loads a <c>tokenizer.json</c>.</summary>
    /// <exception cref="InvalidDataException">Not a usable tokenizer file, or no chat-template special tokens.</exception>
    public static async Task<ChatTemplateDatasetTokenizer> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var tokenizer = await TokenizerJson.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return new ChatTemplateDatasetTokenizer(tokenizer, Path.GetFileName(path));
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    public int CountTokens(string text) => _tokenizer.Encode(text).Count;

    public TokenizedConversation? Render(IReadOnlyList<TrainingTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var messages = turns.Select(t => new ChatMessage(t.Role switch
        {
            TrainingRole.System => ChatRole.System,
            TrainingRole.User => ChatRole.User,
            _ => ChatRole.Assistant,
        }, t.Content)).ToList();
        var encoding = _template.Encode(messages);
        return new TokenizedConversation(encoding.Ids, encoding.AssistantMask);
    }
}
