using Persona.Tensors.Kernels;

namespace Persona.Tensors.Model;

/// <summary>
/// A LLaMA-family decoder: embedding → L × (RMSNorm → GQA attention with RoPE → residual →
/// RMSNorm → SwiGLU MLP → residual) → RMSNorm → output projection. <see cref="Forward"/> processes
/// any number of new tokens against a <see cref="KvCache"/>: many at once for prefill, one for decode.
/// </summary>
public sealed class Transformer
{
    private readonly IKernels _kernels;

    public Transformer(TransformerConfig config, TransformerWeights weights, IKernels? kernels = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(weights);
        var problems = config.Problems().Concat(weights.Problems(config)).ToList();
        if (problems.Count > 0)
            throw new ArgumentException("invalid model: " + string.Join("; ", problems), nameof(weights));
        Config = config;
        Weights = weights;
        _kernels = kernels ?? FastKernels.Instance;
        Rope = new RopeTable(RopeTable.InverseFrequencies(config.HeadDim, config.RopeTheta, config.RopeScaling), config.RopeStyle);
    }

    public TransformerConfig Config { get; }

    public TransformerWeights Weights { get; }

    internal RopeTable Rope { get; }

    /// <summary>A cache for up to <paramref name="capacity"/> positions (default: the model's maximum).</summary>
    public KvCache CreateCache(int? capacity = null)
    {
        var size = capacity ?? Config.MaxSequenceLength;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Config.MaxSequenceLength);
        return new KvCache(Config, size);
    }

    /// <summary>
    /// Runs <paramref name="tokens"/> at positions cache.Length… and appends their keys/values to the cache.
    /// Returns logits (t, V) for every new position when <paramref name="allLogits"/>, else (1, V) for the last.
    /// A <paramref name="trace"/> receives copies of every block's activations (for a backward pass).
    /// </summary>
    public float[] Forward(ReadOnlySpan<int> tokens, KvCache cache, bool allLogits = false, ForwardTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var c = Config;
        var t = tokens.Length;
        ArgumentOutOfRangeException.ThrowIfZero(t);
        if (cache.Length + t > cache.Capacity)
            throw new ArgumentException($"{cache.Length} cached + {t} new positions exceed the cache capacity {cache.Capacity}", nameof(tokens));
        var start = cache.Length;
        var positions = new int[t];
        for (var i = 0; i < t; i++)
        {
            if ((uint)tokens[i] >= (uint)c.VocabSize)
                throw new ArgumentOutOfRangeException(nameof(tokens), $"token id {tokens[i]} at index {i} is outside the vocabulary [0, {c.VocabSize})");
            positions[i] = start + i;
        }

        int d = c.Dim, qd = c.QDim, kvd = c.KvDim, hidden = c.HiddenDim;
        var x = new float[t * d];       // residual stream (t, d)
        var xn = new float[t * d];      // normalised input (t, d)
        var q = new float[t * qd];      // (t, H·hd)
        var k = new float[t * kvd];     // (t, KV·hd)
        var v = new float[t * kvd];
        var att = new float[t * qd];    // attention output (t, H·hd)
        var proj = new float[t * d];    // projection back to d (t, d)
        var gate = new float[t * hidden]; // (t, I)
        var up = new float[t * hidden];

        for (var i = 0; i < t; i++)
            Array.Copy(Weights.TokenEmbedding, (long)tokens[i] * d, x, (long)i * d, d);

        for (var l = 0; l < c.Layers; l++)
        {
            var w = Weights.Layers[l];
            var input = trace is null ? null : (float[])x.Clone();
            _kernels.RmsNorm(x, w.AttentionNorm, c.RmsNormEps, xn, t, d);
            var attentionInput = trace is null ? null : (float[])xn.Clone();
            _kernels.MatMul(xn, w.Wq, w.Bq, q, t, d, qd);   // (t, d) -> (t, H·hd)
            _kernels.MatMul(xn, w.Wk, w.Bk, k, t, d, kvd);  // (t, d) -> (t, KV·hd)
            _kernels.MatMul(xn, w.Wv, w.Bv, v, t, d, kvd);
            _kernels.Rope(q, t, c.Heads, c.HeadDim, positions, Rope);
            _kernels.Rope(k, t, c.KvHeads, c.HeadDim, positions, Rope);
            Array.Copy(k, 0, cache.Keys[l], (long)start * kvd, (long)t * kvd);
            Array.Copy(v, 0, cache.Values[l], (long)start * kvd, (long)t * kvd);
            _kernels.Attention(q, cache.Keys[l], cache.Values[l], att, t, start, c.Heads, c.KvHeads, c.HeadDim);
            _kernels.MatMul(att, w.Wo, null, proj, t, qd, d); // (t, H·hd) -> (t, d)
            Add(x, proj, t * d);
            var middle = trace is null ? null : (float[])x.Clone();

            _kernels.RmsNorm(x, w.FfnNorm, c.RmsNormEps, xn, t, d);
            _kernels.MatMul(xn, w.Gate, null, gate, t, d, hidden); // (t, d) -> (t, I)
            _kernels.MatMul(xn, w.Up, null, up, t, d, hidden);
            var gateBefore = trace is null ? null : (float[])gate.Clone();
            _kernels.SwiGlu(gate, up, t * hidden);
            if (trace is not null)
                trace.Add(new LayerActivations(input!, attentionInput!, (float[])q.Clone(), (float[])k.Clone(), (float[])v.Clone(), (float[])att.Clone(), middle!, (float[])xn.Clone(), gateBefore!, (float[])up.Clone(), (float[])gate.Clone()));
            _kernels.MatMul(gate, w.Down, null, proj, t, hidden, d); // (t, I) -> (t, d)
            Add(x, proj, t * d);
        }

        cache.Length = start + t;
        if (trace is not null)
            trace.FinalInput = (float[])x.Clone();
        var rows = allLogits ? t : 1;
        var last = new float[rows * d];
        Array.Copy(x, (long)(t - rows) * d, last, 0, (long)rows * d);
        var normed = new float[rows * d];
        _kernels.RmsNorm(last, Weights.FinalNorm, c.RmsNormEps, normed, rows, d);
        var logits = new float[rows * c.VocabSize];
        _kernels.MatMul(normed, Weights.Output, null, logits, rows, d, c.VocabSize); // (rows, d) -> (rows, V)
        return logits;
    }

    private static void Add(float[] into, float[] value, int count) =>
        System.Numerics.Tensors.TensorPrimitives.Add(into.AsSpan(0, count), value.AsSpan(0, count), into.AsSpan(0, count));
}
