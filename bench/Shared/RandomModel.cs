using Persona.Tensors.Model;

namespace Persona.Bench;

/// <summary>Seeded random LLaMA-shaped weights (tied embeddings, unit norms) for throughput benchmarks.</summary>
internal static class RandomModel
{
    public static TransformerWeights Weights(TransformerConfig c)
    {
        var random = new Random(1234);
        float[] Fill(long n, float scale)
        {
            var a = new float[n];
            for (long i = 0; i < n; i++)
                a[i] = (float)((random.NextDouble() - 0.5) * 2 * scale);
            return a;
        }

        float[] Ones(int n) => Enumerable.Repeat(1f, n).ToArray();
        var embed = Fill((long)c.VocabSize * c.Dim, 0.02f);
        var layers = Enumerable.Range(0, c.Layers).Select(_ => new LayerWeights
        {
            AttentionNorm = Ones(c.Dim), FfnNorm = Ones(c.Dim),
            Wq = Fill((long)c.QDim * c.Dim, 0.02f), Wk = Fill((long)c.KvDim * c.Dim, 0.02f), Wv = Fill((long)c.KvDim * c.Dim, 0.02f),
            Wo = Fill((long)c.Dim * c.QDim, 0.02f), Gate = Fill((long)c.HiddenDim * c.Dim, 0.02f), Up = Fill((long)c.HiddenDim * c.Dim, 0.02f),
            Down = Fill((long)c.Dim * c.HiddenDim, 0.02f),
        }).ToArray();
        return new TransformerWeights { TokenEmbedding = embed, Layers = layers, FinalNorm = Ones(c.Dim), Output = embed };
    }
}
