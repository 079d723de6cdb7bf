using Persona.Tensors.Kernels;
using Persona.Tensors.Training;

namespace Persona.Tensors.Tests.Training;

/// <summary>
/// Every backward against central finite differences of its own forward: loss = Σ forward(x) ⊙ g for a random
/// probe g, derivative estimated in double from f32 forwards with step 1e-2 (error O(h²) plus f32 round-off).
/// </summary>
public sealed class BackwardKernelsTests
{
    private const float Step = 1e-2f;

    private static float[] Random(int n, ulong seed, float scale = 1f)
    {
        var random = new TrainingRandom(seed);
        return Enumerable.Range(0, n).Select(_ => ((2 * random.NextSingle()) - 1) * scale).ToArray();
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    private static void CheckAgainstFiniteDifferences(float[] input, float[] analytic, Func<double> loss, double tolerance = 2e-3)
    {
        var worst = 0.0;
        var scale = analytic.Max(MathF.Abs) + 1e-3;
        for (var i = 0; i < input.Length; i++)
        {
            var saved = input[i];
            input[i] = saved + Step;
            var plus = loss();
            input[i] = saved - Step;
            var minus = loss();
            input[i] = saved;
            var numeric = (plus - minus) / (2 * Step);
            worst = Math.Max(worst, Math.Abs(numeric - analytic[i]) / scale);
        }

        Assert.True(worst < tolerance, $"largest gradient error {worst:E2} of the gradient scale {scale:E2}");
    }

    [Fact]
    public void LinearBackward_MatchesFiniteDifferences()
    {
        const int T = 3, K = 17, N = 5;
        var x = Random(T * K, 1);
        var w = Random(N * K, 2);
        var g = Random(T * N, 3);
        double Loss()
        {
            var y = new float[T * N];
            BackwardKernels.Linear(x, w, null, y, T, K, N);
            return Dot(y, g);
        }

        var dx = new float[T * K];
        BackwardKernels.LinearInputGrad(g, w, dx, T, N, K, accumulate: false);
        CheckAgainstFiniteDifferences(x, dx, Loss);
        var dw = new float[N * K];
        BackwardKernels.LinearWeightGrad(g, x, dw, T, N, K, 1f);
        CheckAgainstFiniteDifferences(w, dw, Loss);
    }

    [Fact]
    public void RmsNormBackward_MatchesFiniteDifferences()
    {
        const int T = 3, D = 12;
        var x = Random(T * D, 4);
        var w = Random(D, 5);
        var g = Random(T * D, 6);
        double Loss()
        {
            var y = new float[T * D];
            ReferenceKernels.Instance.RmsNorm(x, w, 1e-5f, y, T, D);
            return Dot(y, g);
        }

        var dx = new float[T * D];
        BackwardKernels.RmsNormBackward(x, w, 1e-5f, g, dx, T, D, accumulate: false);
        CheckAgainstFiniteDifferences(x, dx, Loss);
    }

    [Theory]
    [InlineData(RopeStyle.Interleaved)]
    [InlineData(RopeStyle.HalfSplit)]
    public void RopeBackward_MatchesFiniteDifferences(RopeStyle style)
    {
        const int T = 4, H = 2, Hd = 8;
        var table = new RopeTable(RopeTable.InverseFrequencies(Hd, 10000f, null), style);
        int[] positions = [0, 3, 7, 20];
        var x = Random(T * H * Hd, 7);
        var g = Random(T * H * Hd, 8);
        double Loss()
        {
            var y = (float[])x.Clone();
            ReferenceKernels.Instance.Rope(y, T, H, Hd, positions, table); // the engine's forward
            return Dot(y, g);
        }

        var dx = (float[])g.Clone();
        BackwardKernels.Rope(dx, T, H, Hd, positions, table, inverse: true);
        CheckAgainstFiniteDifferences(x, dx, Loss);

        var forward = (float[])x.Clone();
        BackwardKernels.Rope(forward, T, H, Hd, positions, table, inverse: false);
        var engine = (float[])x.Clone();
        ReferenceKernels.Instance.Rope(engine, T, H, Hd, positions, table);
        Assert.Equal(engine, forward);
    }

    [Theory]
    [InlineData(5, 4, 2, 3)]
    [InlineData(101, 3, 1, 8)] // several causal row blocks, the last one partial
    public void AttentionBackward_MatchesFiniteDifferencesAndTheEngineForward(int T, int H, int Kv, int Hd)
    {
        var q = Random(T * H * Hd, 9);
        var k = Random(T * Kv * Hd, 10);
        var v = Random(T * Kv * Hd, 11);
        var g = Random(T * H * Hd, 12);
        var probs = new float[H * T * T];
        double Loss()
        {
            var o = new float[T * H * Hd];
            BackwardKernels.AttentionForward(q, k, v, o, new float[H * T * T], T, H, Kv, Hd);
            return Dot(o, g);
        }

        var output = new float[T * H * Hd];
        BackwardKernels.AttentionForward(q, k, v, output, probs, T, H, Kv, Hd);
        var engine = new float[T * H * Hd];
        ReferenceKernels.Instance.Attention(q, k, v, engine, T, 0, H, Kv, Hd);
        for (var i = 0; i < engine.Length; i++)
            Assert.Equal(engine[i], output[i], 1e-5f);

        var dq = new float[q.Length];
        var dk = new float[k.Length];
        var dv = new float[v.Length];
        BackwardKernels.AttentionBackward(g, q, k, v, probs, dq, dk, dv, T, H, Kv, Hd);
        CheckAgainstFiniteDifferences(q, dq, Loss);
        CheckAgainstFiniteDifferences(k, dk, Loss);
        CheckAgainstFiniteDifferences(v, dv, Loss);
    }

    [Fact]
    public void SwiGluBackward_MatchesFiniteDifferences()
    {
        const int N = 20;
        var gate = Random(N, 13, 3f);
        var up = Random(N, 14);
        var g = Random(N, 15);
        double Loss()
        {
            var h = new float[N];
            BackwardKernels.SwiGluForward(gate, up, h, N);
            return Dot(h, g);
        }

        var dGate = new float[N];
        var dUp = new float[N];
        BackwardKernels.SwiGluBackward(gate, up, g, dGate, dUp, N);
        CheckAgainstFiniteDifferences(gate, dGate, Loss);
        CheckAgainstFiniteDifferences(up, dUp, Loss);
    }

    [Fact]
    public void CrossEntropyBackward_MatchesFiniteDifferences()
    {
        var logits = Random(9, 16, 4f);
        var gradient = new float[9];
        var loss = BackwardKernels.CrossEntropy(logits, 3, gradient, 1f);
        Assert.True(loss > 0);
        CheckAgainstFiniteDifferences(logits, gradient, () => BackwardKernels.CrossEntropy(logits, 3, Span<float>.Empty, 1f));
    }

    [Fact]
    public void EmbeddingBackward_MatchesFiniteDifferences()
    {
        const int D = 4;
        var table = Random(6 * D, 17);
        int[] ids = [2, 5, 2];
        var g = Random(ids.Length * D, 18);
        double Loss()
        {
            var x = new float[ids.Length * D];
            for (var i = 0; i < ids.Length; i++)
                Array.Copy(table, ids[i] * D, x, i * D, D);
            return Dot(x, g);
        }

        var dTable = new float[table.Length];
        BackwardKernels.EmbeddingBackward(ids, g, dTable, D);
        CheckAgainstFiniteDifferences(table, dTable, Loss);
    }
}
