using Persona.Tensors.Kernels;

namespace Persona.Tensors.Tests.Kernels;

/// <summary>Each fast kernel against the reference kernel on awkward sizes (tails of every block size).</summary>
public sealed class FastKernelsTests
{
    [Theory]
    [InlineData(1, 64, 64, false)]
    [InlineData(1, 17, 5, true)]
    [InlineData(4, 16, 4, false)]
    [InlineData(7, 100, 37, true)]
    [InlineData(33, 576, 130, false)]
    [InlineData(20, 50, 33, true)] // prefill: the blocked kernel, plus bias
    [InlineData(5, 8, 3, true)]
    public void MatMul_AwkwardShapes_MatchesReference(int t, int k, int n, bool withBias)
    {
        var random = new Random(t * 1000 + k + n);
        var x = Random(random, t * k);
        var w = Random(random, n * k);
        var bias = withBias ? Random(random, n) : null;
        var expected = new float[t * n];
        var actual = new float[t * n];

        ReferenceKernels.Instance.MatMul(x, w, bias, expected, t, k, n);
        FastKernels.Instance.MatMul(x, w, bias, actual, t, k, n);

        AssertClose(expected, actual, 1e-4f * MathF.Sqrt(k));
    }

    [Fact]
    public void MatMul_LargeEnoughToRunInParallel_MatchesReference()
    {
        var random = new Random(7);
        int t = 9, k = 96, n = 300;
        var x = Random(random, t * k);
        var w = Random(random, n * k);
        var expected = new float[t * n];
        var actual = new float[t * n];
        Assert.True((long)t * k * n >= FastKernels.ParallelThreshold);

        ReferenceKernels.Instance.MatMul(x, w, null, expected, t, k, n);
        FastKernels.Instance.MatMul(x, w, null, actual, t, k, n);

        AssertClose(expected, actual, 1e-3f);
    }

    [Fact]
    public void RmsNorm_RandomRows_MatchesReference()
    {
        var random = new Random(1);
        var x = Random(random, 3 * 45);
        var w = Random(random, 45);
        var expected = new float[x.Length];
        var actual = new float[x.Length];

        ReferenceKernels.Instance.RmsNorm(x, w, 1e-5f, expected, 3, 45);
        FastKernels.Instance.RmsNorm(x, w, 1e-5f, actual, 3, 45);

        AssertClose(expected, actual, 1e-5f);
    }

    [Theory]
    [InlineData(1, 0, 4, 2, 8)]
    [InlineData(5, 0, 8, 2, 16)]
    [InlineData(3, 6, 9, 3, 64)]
    [InlineData(40, 30, 8, 8, 64)]
    [InlineData(4, 0, 2, 1, 8)]
    [InlineData(70, 0, 8, 4, 8)]
    [InlineData(19, 13, 6, 2, 12)]
    [InlineData(33, 0, 3, 3, 5)]
    public void Attention_CausalGqa_MatchesReference(int t, int start, int heads, int kvHeads, int headDim)
    {
        var random = new Random(heads * 100 + t);
        var total = start + t;
        var q = Random(random, t * heads * headDim);
        var keys = Random(random, total * kvHeads * headDim);
        var values = Random(random, total * kvHeads * headDim);
        var expected = new float[q.Length];
        var actual = new float[q.Length];

        ReferenceKernels.Instance.Attention(q, keys, values, expected, t, start, heads, kvHeads, headDim);
        FastKernels.Instance.Attention(q, keys, values, actual, t, start, heads, kvHeads, headDim);

        AssertClose(expected, actual, 1e-5f);
    }

    [Fact]
    public void Attention_FirstPosition_ReturnsItsOwnValue()
    {
        // One visible position: softmax weight 1, so the output is exactly that position's value row.
        float[] q = [1, 2, 3, 4];
        float[] keys = [5, 6, 7, 8];
        float[] values = [0.5f, -1, 2, 3];
        var output = new float[4];
        FastKernels.Instance.Attention(q, keys, values, output, 1, 0, 1, 1, 4);
        Assert.Equal(values, output);
    }

    [Fact]
    public void VectorExp_AcrossTheFloatRange_IsWithinTwoUlpOfMathFExp()
    {
        // every 1/64 from -87 to 88 plus random points: relative error ≤ 2.5e-7 (2 ulp)
        var inputs = Enumerable.Range(0, (175 * 64) + 1).Select(i => -87f + (i / 64f))
            .Concat(Random(new Random(11), 4096).Select(v => v * 80f)).Concat([0f, -1e-8f, 1e-8f, 88f, -87.3f]).ToArray();
        var worst = 0.0;
        for (var i = 0; i < inputs.Length; i += 16)
        {
            var chunk = new float[16];
            inputs.AsSpan(i, Math.Min(16, inputs.Length - i)).CopyTo(chunk);
            var actual = VectorExp.Exp(System.Runtime.Intrinsics.Vector512.Create(chunk));
            for (var j = 0; j < 16; j++)
            {
                var expected = MathF.Exp(chunk[j]);
                worst = Math.Max(worst, Math.Abs(actual[j] - expected) / expected);
            }
        }

        Assert.True(worst <= 2.5e-7, $"worst relative error {worst}");
    }

    [Fact]
    public void VectorExp_FarBelowRange_IsZeroAndNegativeInfinityIsZero()
    {
        var actual = VectorExp.Exp(System.Runtime.Intrinsics.Vector512.Create(float.NegativeInfinity));
        Assert.Equal(0f, actual[0]);
        Assert.Equal(0f, VectorExp.Exp(System.Runtime.Intrinsics.Vector512.Create(-100f))[5]);
    }

    [Fact]
    public void SwiGlu_RandomValues_MatchesReference()
    {
        var random = new Random(3);
        var gate = Random(random, 77).Select(v => v * 12f).ToArray(); // sigmoid saturates on both sides
        var up = Random(random, 77);
        var expected = (float[])gate.Clone();
        ReferenceKernels.Instance.SwiGlu(expected, up, 77);
        FastKernels.Instance.SwiGlu(gate, up, 77);
        AssertClose(expected, gate, 4e-6f); // a few ulp of values up to 12
    }

    [Theory]
    [InlineData(RopeStyle.Interleaved)]
    [InlineData(RopeStyle.HalfSplit)]
    public void Rope_PreservesNormAndPositionZeroIsIdentity(RopeStyle style)
    {
        var table = new RopeTable(RopeTable.InverseFrequencies(8, 10000, null), style);
        var random = new Random(5);
        var x = Random(random, 2 * 2 * 8);
        var original = (float[])x.Clone();
        FastKernels.Instance.Rope(x, 2, 2, 8, [0, 9], table);

        AssertClose(original.AsSpan(0, 16).ToArray(), x.AsSpan(0, 16).ToArray(), 0);
        var before = original.AsSpan(16).ToArray().Sum(v => v * v);
        var after = x.AsSpan(16).ToArray().Sum(v => v * v);
        Assert.Equal(before, after, 1e-4f);
        Assert.NotEqual(original[16], x[16]);
    }

    private static float[] Random(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = expected.Select((e, i) => Math.Abs(e - actual[i])).DefaultIfEmpty(0).Max();
        Assert.True(max <= tolerance, $"max |Δ| = {max} > {tolerance}");
    }
}
