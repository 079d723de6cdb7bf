using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tensors.Tokenization;

namespace Persona.Tensors.Formats;

/// <summary>
/// Builds a model and tokenizer from a GGUF file of architecture <c>llama</c> or <c>qwen2</c>
/// (llama.cpp src/llama-arch.cpp names). llama-arch q/k rows were permuted by the converter, so RoPE is
/// interleaved; qwen2 keeps HF rows and rotates half-split.
/// </summary>
internal static class GgufCheckpoint
{
    public static LoadedModel Load(string path)
    {
        using var gguf = GgufFile.Open(path);
        var arch = gguf.String("general.architecture") ?? throw ModelFormatException.In(path, "general.architecture is missing");
        var architecture = arch switch
        {
            "llama" => ModelArchitecture.Llama,
            "qwen2" => ModelArchitecture.Qwen2,
            _ => throw ModelFormatException.In(path, $"architecture '{arch}' is not supported (llama, qwen2 are)"),
        };
        int Required(string key) => (int)(gguf.Integer($"{arch}.{key}") ?? throw ModelFormatException.In(path, $"{arch}.{key} is missing"));
        var dim = Required("embedding_length");
        var heads = Required("attention.head_count");
        var kvHeads = (int)(gguf.Integer($"{arch}.attention.head_count_kv") ?? heads);
        var headDim = heads > 0 ? dim / heads : 0;
        if (!gguf.Tensors.TryGetValue("token_embd.weight", out var embedding) || embedding.Shape.Length != 2)
            throw ModelFormatException.In(path, "tensor 'token_embd.weight' (2-D) is missing");
        var config = new TransformerConfig
        {
            Architecture = architecture,
            Dim = dim,
            HiddenDim = Required("feed_forward_length"),
            Layers = Required("block_count"),
            Heads = heads,
            KvHeads = kvHeads,
            HeadDim = (int)(gguf.Integer($"{arch}.rope.dimension_count") ?? headDim),
            VocabSize = (int)embedding.Shape[1],
            MaxSequenceLength = Required("context_length"),
            RmsNormEps = (float)(gguf.Real($"{arch}.attention.layer_norm_rms_epsilon") ?? 1e-5),
            RopeTheta = (float)(gguf.Real($"{arch}.rope.freq_base") ?? 10000),
            RopeStyle = architecture == ModelArchitecture.Llama ? RopeStyle.Interleaved : RopeStyle.HalfSplit,
            AttentionBias = architecture == ModelArchitecture.Qwen2,
            TiedEmbeddings = !gguf.Tensors.ContainsKey("output.weight"),
        };
        var problems = config.Problems();
        if (problems.Count > 0)
            throw ModelFormatException.In(path, "invalid hyperparameters: " + string.Join("; ", problems));

        long d = config.Dim, q = config.QDim, kv = config.KvDim, hidden = config.HiddenDim, v = config.VocabSize;
        var embed = gguf.ReadTensor("token_embd.weight", v * d);
        var layers = new LayerWeights[config.Layers];
        for (var l = 0; l < config.Layers; l++)
        {
            var p = $"blk.{l}.";
            var bias = config.AttentionBias;
            layers[l] = new LayerWeights
            {
                AttentionNorm = gguf.ReadTensor(p + "attn_norm.weight", d),
                Wq = gguf.ReadTensor(p + "attn_q.weight", q * d),
                Wk = gguf.ReadTensor(p + "attn_k.weight", kv * d),
                Wv = gguf.ReadTensor(p + "attn_v.weight", kv * d),
                Wo = gguf.ReadTensor(p + "attn_output.weight", d * q),
                Bq = bias ? gguf.ReadTensor(p + "attn_q.bias", q) : null,
                Bk = bias ? gguf.ReadTensor(p + "attn_k.bias", kv) : null,
                Bv = bias ? gguf.ReadTensor(p + "attn_v.bias", kv) : null,
                FfnNorm = gguf.ReadTensor(p + "ffn_norm.weight", d),
                Gate = gguf.ReadTensor(p + "ffn_gate.weight", hidden * d),
                Up = gguf.ReadTensor(p + "ffn_up.weight", hidden * d),
                Down = gguf.ReadTensor(p + "ffn_down.weight", d * hidden),
            };
        }

        var weights = new TransformerWeights
        {
            TokenEmbedding = embed,
            Layers = layers,
            FinalNorm = gguf.ReadTensor("output_norm.weight", d),
            Output = config.TiedEmbeddings ? embed : gguf.ReadTensor("output.weight", v * d),
        };
        ITokenizer? tokenizer = gguf.Metadata.ContainsKey("tokenizer.ggml.tokens") ? BuildTokenizer(gguf) : null;
        return new LoadedModel(config, weights, tokenizer, CheckpointFormat.Gguf);
    }

    public static ITokenizer LoadTokenizer(string path)
    {
        using var gguf = GgufFile.Open(path);
        return BuildTokenizer(gguf);
    }

    private static ITokenizer BuildTokenizer(GgufFile gguf)
    {
        var tokens = gguf.Metadata.GetValueOrDefault("tokenizer.ggml.tokens") as string[]
            ?? throw ModelFormatException.In(gguf.Path, "tokenizer.ggml.tokens (array of strings) is missing");
        var kinds = Numbers(gguf, "tokenizer.ggml.token_type", tokens.Length)?.Select(x => Enum.IsDefined((TokenKind)(int)x) ? (TokenKind)(int)x : TokenKind.Normal).ToArray()
            ?? Enumerable.Repeat(TokenKind.Normal, tokens.Length).ToArray();
        int? Id(string key) => gguf.Integer(key) is { } id && id >= 0 && id < tokens.Length ? (int)id : null;
        var bos = Id("tokenizer.ggml.bos_token_id");
        var eos = Id("tokenizer.ggml.eos_token_id");
        var model = gguf.String("tokenizer.ggml.model") ?? "llama";
        switch (model)
        {
            case "llama":
                var scores = Numbers(gguf, "tokenizer.ggml.scores", tokens.Length)?.Select(x => (float)x).ToArray() ?? new float[tokens.Length];
                var addSpace = gguf.Integer("tokenizer.ggml.add_space_prefix") is not { } flag || flag != 0;
                return new SentencePieceBpeTokenizer(tokens, scores, kinds, bos, eos, Id("tokenizer.ggml.unknown_token_id"), addSpace);
            case "gpt2":
                var merges = gguf.Metadata.GetValueOrDefault("tokenizer.ggml.merges") as string[]
                    ?? throw ModelFormatException.In(gguf.Path, "tokenizer.ggml.merges is missing for a gpt2 vocabulary");
                var pre = gguf.String("tokenizer.ggml.pre") ?? "default";
                var (pattern, digits) = pre switch
                {
                    "qwen2" => (PreTokenizerPattern.Qwen2, false),
                    "llama-bpe" or "llama3" => (PreTokenizerPattern.Llama3, false),
                    "smollm" => (PreTokenizerPattern.Gpt2, true),
                    "gpt-2" or "default" => (PreTokenizerPattern.Gpt2, false),
                    _ => throw ModelFormatException.In(gguf.Path, $"pre-tokenizer '{pre}' is not supported (qwen2, llama-bpe, smollm, gpt-2 are)"),
                };
                var vocab = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
                var added = new List<AddedToken>();
                for (var i = 0; i < tokens.Length; i++)
                {
                    vocab.TryAdd(tokens[i], i);
                    if (kinds[i] is TokenKind.Control or TokenKind.UserDefined)
                        added.Add(new AddedToken(i, tokens[i], kinds[i] == TokenKind.Control));
                }

                var pairs = merges.Select((m, i) => SplitMerge(gguf.Path, m, i)).ToList();
                return new ByteLevelBpeTokenizer(vocab, pairs, added, new PreTokenizerOptions(pattern, digits), bos, eos, ignoreMerges: pattern == PreTokenizerPattern.Llama3);
            default:
                throw ModelFormatException.In(gguf.Path, $"tokenizer model '{model}' is not supported (llama, gpt2 are)");
        }
    }

    private static (string, string) SplitMerge(string path, string merge, int index)
    {
        var space = merge.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            throw ModelFormatException.In(path, $"merge {index} '{merge}' is not two tokens separated by a space");
        return (merge[..space], merge[(space + 1)..]);
    }

    private static double[]? Numbers(GgufFile gguf, string key, int expected)
    {
        if (gguf.Metadata.GetValueOrDefault(key) is not object[] values)
            return null;
        if (values.Length != expected)
            throw ModelFormatException.In(gguf.Path, $"{key} has {values.Length} entries but there are {expected} tokens");
        return values.Select(x => x switch { long l => l, double dd => dd, ulong u => u, _ => 0d }).ToArray();
    }
}
