using Persona.Tensors.Kernels;
using Persona.Tensors.Model;

namespace Persona.Tensors.Formats;

/// <summary>
/// Reads a llama2.c legacy (version 0) <c>.bin</c> checkpoint: seven int32 (dim, hidden_dim, n_layers,
/// n_heads, n_kv_heads, vocab_size, seq_len; a negative vocab_size means a separate classifier follows),
/// then f32 tensors each concatenated over layers, then the legacy freq_cis block (skipped).
/// RoPE is interleaved with θ = 10000 and RMSNorm eps 1e-5, as run.c hard-codes them.
/// </summary>
internal static class Llama2cCheckpoint
{
    private const int HeaderBytes = 28;

    public static bool LooksLike(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return stream.Read(head) == 4 && !head.SequenceEqual("GGUF"u8) && BitConverter.ToUInt32(head) != 0x616b3432;
    }

    public static (TransformerConfig Config, TransformerWeights Weights) Read(string path)
    {
        using var file = new MappedFile(path);
        if (file.Length >= 4 && file.UInt32(0, "magic") == 0x616b3432)
            throw ModelFormatException.At(path, 0, "llama2.c export versions 1 and 2 (magic \"ak42\") are not supported; export with the legacy format");
        int dim = file.Int32(0, "header dim"), hidden = file.Int32(4, "header hidden_dim"), layers = file.Int32(8, "header n_layers"),
            heads = file.Int32(12, "header n_heads"), kvHeads = file.Int32(16, "header n_kv_heads"), vocab = file.Int32(20, "header vocab_size"),
            seqLen = file.Int32(24, "header seq_len");
        var shared = vocab > 0;
        vocab = Math.Abs(vocab);
        var bad = new List<string>();
        foreach (var (value, name) in new[] { (dim, "dim"), (hidden, "hidden_dim"), (layers, "n_layers"), (heads, "n_heads"), (kvHeads, "n_kv_heads"), (vocab, "vocab_size"), (seqLen, "seq_len") })
        {
            if (value <= 0 || value > 1 << 20)
                bad.Add($"{name}={value}");
        }

        if (bad.Count == 0 && (dim % heads != 0 || heads % kvHeads != 0))
            bad.Add($"dim={dim}, n_heads={heads}, n_kv_heads={kvHeads} do not divide");
        if (bad.Count > 0)
            throw ModelFormatException.At(path, 0, "implausible llama2.c header: " + string.Join(", ", bad));

        var headDim = dim / heads;
        var config = new TransformerConfig
        {
            Architecture = ModelArchitecture.Llama,
            Dim = dim,
            HiddenDim = hidden,
            Layers = layers,
            Heads = heads,
            KvHeads = kvHeads,
            HeadDim = headDim,
            VocabSize = vocab,
            MaxSequenceLength = seqLen,
            RmsNormEps = 1e-5f,
            RopeTheta = 10000f,
            RopeStyle = RopeStyle.Interleaved,
            TiedEmbeddings = shared,
        };
        long kvDim = (long)kvHeads * headDim;
        long expected = HeaderBytes + (4L * (((long)vocab * dim) + (layers * (2L * dim + (2L * dim * dim) + (2L * kvDim * dim) + (3L * hidden * dim))) + dim + ((long)seqLen * headDim) + (shared ? 0 : (long)vocab * dim)));
        if (file.Length != expected)
            throw ModelFormatException.At(path, Math.Min(file.Length, expected), $"file is {file.Length} bytes but the header (dim={dim}, layers={layers}, vocab={vocab}, seq_len={seqLen}) implies {expected}");

        long offset = HeaderBytes;
        float[] Next(long count, string what)
        {
            var result = file.Floats(offset, count, TensorDataType.F32, what);
            offset += count * 4;
            return result;
        }

        float[][] PerLayer(long count, string what) =>
            Enumerable.Range(0, layers).Select(l => Next(count, $"{what} of layer {l}")).ToArray();

        var embedding = Next((long)vocab * dim, "token_embedding_table");
        var attNorm = PerLayer(dim, "rms_att_weight");
        var wq = PerLayer((long)dim * dim, "wq");
        var wk = PerLayer(kvDim * dim, "wk");
        var wv = PerLayer(kvDim * dim, "wv");
        var wo = PerLayer((long)dim * dim, "wo");
        var ffnNorm = PerLayer(dim, "rms_ffn_weight");
        var w1 = PerLayer((long)hidden * dim, "w1");
        var w2 = PerLayer((long)dim * hidden, "w2");
        var w3 = PerLayer((long)hidden * dim, "w3");
        var finalNorm = Next(dim, "rms_final_weight");
        offset += (long)seqLen * headDim * 4; // freq_cis_real + freq_cis_imag, unused
        var output = shared ? embedding : Next((long)vocab * dim, "wcls");

        var layerWeights = Enumerable.Range(0, layers).Select(l => new LayerWeights
        {
            AttentionNorm = attNorm[l],
            Wq = wq[l],
            Wk = wk[l],
            Wv = wv[l],
            Wo = wo[l],
            FfnNorm = ffnNorm[l],
            Gate = w1[l],
            Down = w2[l],
            Up = w3[l],
        }).ToArray();
        return (config, new TransformerWeights { TokenEmbedding = embedding, Layers = layerWeights, FinalNorm = finalNorm, Output = output });
    }
}
