using Persona.Tensors.Kernels;
using Persona.Tensors.Model;
using Persona.Tensors.Training;

namespace Persona.Tensors.Tests.Training;

/// <summary>Random-weight decoders small enough for finite differences.</summary>
internal static class TinyModels
{
    public static TransformerConfig Config(RopeStyle style = RopeStyle.HalfSplit, bool bias = false, ModelArchitecture architecture = ModelArchitecture.Llama) => new()
    {
        Architecture = architecture,
        Dim = 16,
        HiddenDim = 24,
        Layers = 2,
        Heads = 4,
        KvHeads = 2,
        HeadDim = 4,
        VocabSize = 11,
        MaxSequenceLength = 32,
        RmsNormEps = 1e-5f,
        RopeTheta = 10000f,
        RopeStyle = style,
        AttentionBias = bias,
    };

    public static TransformerWeights Weights(TransformerConfig c, ulong seed)
    {
        var random = new TrainingRandom(seed);
        float[] Fill(long n, float scale, float offset = 0f)
        {
            var a = new float[n];
            for (var i = 0; i < n; i++)
                a[i] = offset + (((2 * random.NextSingle()) - 1) * scale);
            return a;
        }

        var layers = Enumerable.Range(0, c.Layers).Select(_ => new LayerWeights
        {
            AttentionNorm = Fill(c.Dim, 0.2f, 1f),
            Wq = Fill(c.QDim * c.Dim, 0.4f),
            Wk = Fill(c.KvDim * c.Dim, 0.4f),
            Wv = Fill(c.KvDim * c.Dim, 0.4f),
            Wo = Fill(c.Dim * c.QDim, 0.4f),
            Bq = c.AttentionBias ? Fill(c.QDim, 0.1f) : null,
            Bk = c.AttentionBias ? Fill(c.KvDim, 0.1f) : null,
            Bv = c.AttentionBias ? Fill(c.KvDim, 0.1f) : null,
            FfnNorm = Fill(c.Dim, 0.2f, 1f),
            Gate = Fill(c.HiddenDim * c.Dim, 0.4f),
            Up = Fill(c.HiddenDim * c.Dim, 0.4f),
            Down = Fill(c.Dim * c.HiddenDim, 0.4f),
        }).ToList();
        return new TransformerWeights
        {
            TokenEmbedding = Fill(c.VocabSize * c.Dim, 1f),
            Layers = layers,
            FinalNorm = Fill(c.Dim, 0.2f, 1f),
            Output = Fill(c.VocabSize * c.Dim, 0.5f),
        };
    }

    /// <summary>An adapter with non-zero B (a fresh one has B = 0, which hides A's gradient).</summary>
    public static LoraAdapter Adapter(TransformerConfig c, LoraOptions options, ulong seed)
    {
        var random = new TrainingRandom(seed);
        var adapter = LoraAdapter.Create(c, options, random);
        foreach (var pair in adapter.Pairs)
        {
            for (var i = 0; i < pair.B.Length; i++)
                pair.B[i] = ((2 * random.NextSingle()) - 1) * 0.3f;
        }

        return adapter;
    }
}
