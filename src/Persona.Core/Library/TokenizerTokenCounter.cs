using Persona.Tensors.Formats;
using Persona.Tensors.Tokenization;

namespace Persona.Core.Library;

/// <summary>
/// Exact token counts from a model's tokenizer (the engine's byte-level BPE or SentencePiece BPE), optionally
/// with the prompt wrapped as a system turn in the model's chat template.
/// </summary>
public sealed class TokenizerTokenCounter : ITokenCounter
{
    private readonly ITokenizer _tokenizer;
    private readonly ChatTemplate? _template;

    /// <param name="tokenizer">The vocabulary.</param>
    /// <param name="source">What the tokenizer was loaded from, shown in <see cref="Name"/> (e.g. a file name).</param>
    /// <param name="scope">Bare text, or a system turn in the chat template the vocabulary's special tokens imply.</param>
    public TokenizerTokenCounter(ITokenizer tokenizer, string source, TokenCountScope scope = TokenCountScope.Text)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentException.ThrowIfNullOrEmpty(source);
        _tokenizer = tokenizer;
        Scope = scope;
        if (scope == TokenCountScope.SystemTurn)
        {
            var format = ChatFormatOf(tokenizer) ?? throw new ArgumentException(NoChatTemplate(source), nameof(tokenizer));
            _template = new ChatTemplate(tokenizer, format);
        }

        Name = _template is null ? $"exact: {source}" : $"exact: {source}, {_template.Format} system turn";
    }

    public string Name { get; }

    public bool IsEstimate => false;

    public TokenCountScope Scope { get; }

    /// <summary>
    /// Loads the tokenizer at <paramref name="path"/>: an HF <c>tokenizer.json</c>, a llama2.c <c>tokenizer.bin</c>
    /// (e.g. <c>tok512.bin</c>; its vocabulary size is the number of entries), a GGUF file's vocabulary, or an
    /// HF checkpoint directory (its <c>tokenizer.json</c>). A missing path raises <see cref="FileNotFoundException"/>;
    /// a file that is not a tokenizer raises <see cref="ModelFormatException"/>; both name the file.
    /// </summary>
    public static async Task<TokenizerTokenCounter> LoadAsync(string path, TokenCountScope scope = TokenCountScope.Text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = path;
        if (Directory.Exists(path))
        {
            file = Path.Combine(path, "tokenizer.json");
            if (!File.Exists(file))
                throw new FileNotFoundException($"the checkpoint directory {path} has no tokenizer.json", file);
        }
        else if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no tokenizer file or checkpoint directory at {path}", path);
        }

        ITokenizer tokenizer;
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            tokenizer = await TokenizerJson.LoadAsync(file, cancellationToken).ConfigureAwait(false);
        else if (await IsGgufAsync(file, cancellationToken).ConfigureAwait(false))
            tokenizer = await CheckpointLoader.LoadTokenizerAsync(file, vocabSize: 1, cancellationToken).ConfigureAwait(false);
        else
            tokenizer = await Task.Run(() => Llama2cTokenizerFile.Read(file), cancellationToken).ConfigureAwait(false);

        var source = Directory.Exists(path) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) + "/tokenizer.json" : Path.GetFileName(path);
        if (scope == TokenCountScope.SystemTurn && ChatFormatOf(tokenizer) is null)
            throw new ModelFormatException(NoChatTemplate(source));
        return new TokenizerTokenCounter(tokenizer, source, scope);
    }

    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _template is null
            ? _tokenizer.Encode(text).Count
            : _template.Encode([new ChatMessage(ChatRole.System, text)]).Ids.Count;
    }

    private static string NoChatTemplate(string source) =>
        $"{source} has no chat template tokens (<|im_start|> for ChatML, <|start_header_id|> for Llama-3), so a system turn cannot be counted";

    private static ChatFormat? ChatFormatOf(ITokenizer tokenizer) =>
        tokenizer.SpecialTokenId("<|im_start|>") is not null && tokenizer.SpecialTokenId("<|im_end|>") is not null ? ChatFormat.ChatMl
        : tokenizer.SpecialTokenId("<|start_header_id|>") is not null ? ChatFormat.Llama3
        : null;

    private static async Task<bool> IsGgufAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var head = new byte[4];
            var read = await stream.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return read == 4 && head.AsSpan().SequenceEqual("GGUF"u8);
        }
    }
}
