using Persona.Tensors.Kernels;
using Persona.Tensors.Training;

namespace Persona.Tensors.Tests.Kernels;

/// <summary>
/// The blocked matrix product against a plain triple loop in double, on shapes that hit every edge: partial
/// micro-tiles in both directions, depths past one packed block, a single row or column, strided views,
/// both operand layouts, accumulation, and one and several threads.
/// </summary>
public sealed class GemmTests
{
    private static float[] Random(long n, ulong seed)
    {
        var random = new TrainingRandom(seed);
        var values = new float[n];
        for (long i = 0; i < n; i++)
            values[i] = (2 * random.NextSingle()) - 1;
        return values;
    }

    // C[i, j] = c0[i, j]·(accumulate) + Σ_p A[i, p]·B[p, j] with A, B given as element functions
    private static double[] Reference(Func<int, int, float> a, Func<int, int, float> b, float[] c0, int ldc, int m, int k, int n, bool accumulate)
    {
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = accumulate ? c0[(i * ldc) + j] : 0;
                for (var p = 0; p < k; p++)
                    sum += (double)a(i, p) * b(p, j);
                c[(i * n) + j] = sum;
            }
        }

        return c;
    }

    private static void AssertClose(double[] expected, float[] actual, int ldc, int m, int n, int k)
    {
        var tolerance = 1e-5 * Math.Sqrt(Math.Max(1, k)) * 4;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var e = expected[(i * n) + j];
                var got = actual[(i * ldc) + j];
                Assert.True(Math.Abs(e - got) <= tolerance * (1 + Math.Abs(e)), $"C[{i}, {j}] = {got}, expected {e:G9} (m {m}, k {k}, n {n})");
            }
        }
    }

    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 1 }, { 1, 7, 33 }, { 12, 32, 32 }, { 13, 5, 31 }, { 25, 64, 65 }, { 257, 64, 192 }, { 30, 1000, 40 },
        { 7, 1600, 3 }, { 100, 17, 100 }, { 3, 0, 5 }, { 14, 20, 1100 }, // the last: more than one chunk of packed B panels
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public unsafe void Multiply_EveryLayoutAndAccumulation_MatchesTripleLoop(int m, int k, int n)
    {
        foreach (var transA in new[] { false, true })
        {
            foreach (var transB in new[] { false, true })
            {
                foreach (var accumulate in new[] { false, true })
                {
                    foreach (var parallel in new[] { false, true })
                    {
                        // strided: leading dimensions larger than the logical sizes, padding filled with noise
                        var lda = (transA ? m : k) + 3;
                        var ldb = (transB ? k : n) + 5;
                        var ldc = n + 2;
                        var a = Random((long)(transA ? k : m) * lda + lda, 1);
                        var b = Random((long)(transB ? n : k) * ldb + ldb, 2);
                        var c = Random((long)m * ldc + ldc, 3);
                        var before = (float[])c.Clone();
                        float A(int i, int p) => transA ? a[(p * lda) + i] : a[(i * lda) + p];
                        float B(int p, int j) => transB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                        var expected = Reference(A, B, before, ldc, m, k, n, accumulate);
                        fixed (float* pa = a, pb = b, pc = c)
                            Gemm.Multiply(pa, lda, transA, pb, ldb, transB, pc, ldc, m, k, n, accumulate, parallel);
                        AssertClose(expected, c, ldc, m, n, k);
                        for (var i = 0; i < m; i++)
                        {
                            for (var j = n; j < ldc; j++)
                                Assert.Equal(before[(i * ldc) + j], c[(i * ldc) + j]); // the padding is never written
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(257, 576, 200)]
    [InlineData(5, 40, 31)]
    [InlineData(40, 900, 64)]
    public void MultiplyTransposed_PackedAndUnpackedWeights_MatchTripleLoop(int m, int k, int n)
    {
        var x = Random((long)m * k, 4);
        var w = Random((long)n * k, 5);
        var expected = Reference((i, p) => x[(i * k) + p], (p, j) => w[(j * k) + p], new float[m * n], n, m, k, n, false);
        var packed = PackedMatrix.FromRows(w, n, k);
        var viaPacked = new float[m * n];
        Gemm.MultiplyTransposed(x, packed, viaPacked, m, accumulate: false);
        AssertClose(expected, viaPacked, n, m, n, k);
        var direct = new float[m * n];
        Gemm.MultiplyTransposed(x, w, direct, m, k, n, accumulate: false);
        AssertClose(expected, direct, n, m, n, k);
        for (var j = 0; j < n; j += 7)
            Assert.Equal(w[(j * k) + 3], packed.At(3, j));
    }

    [Fact]
    public void Multiply_PortableKernel_GivesTheWideKernelsResultExactly()
    {
        // machines without AVX-512 run the narrower kernel: same packed tiles, same summation order per element
        const int M = 29, K = 300, N = 70;
        var a = Random(M * K, 6);
        var b = Random(K * N, 7);
        var wide = new float[M * N];
        var narrow = new float[M * N];
        Gemm.Multiply(a, b, wide, M, K, N, accumulate: false);
        var saved = Gemm.WideKernel;
        try
        {
            Gemm.WideKernel = false;
            Gemm.Multiply(a, b, narrow, M, K, N, accumulate: false);
        }
        finally
        {
            Gemm.WideKernel = saved;
        }

        Assert.Equal(wide, narrow);
    }

    [Fact]
    public void Multiply_ArrayTooShort_NamesTheOperand()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[5], new float[6], new float[6], 2, 3, 2, false));
        Assert.Contains("a holds 5 values", error.Message, StringComparison.Ordinal);
    }
}
