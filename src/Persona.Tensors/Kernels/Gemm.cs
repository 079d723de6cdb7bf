using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Persona.Tensors.Kernels;

/// <summary>
/// General single-precision matrix product C (m, n) (+)= A (m, k) · B, A row-major, B either (k, n) row-major or
/// given as W (n, k) row-major (B = Wᵀ: the layout of a linear layer's weight) or already packed
/// (<see cref="PackedMatrix"/>).
/// <para>
/// The classic blocked scheme: B is packed into panels of <see cref="NR"/> columns × <see cref="KC"/> depth that
/// stay in L1, A into strips of <see cref="MR"/> rows × KC that stay in L2, and a register-blocked micro-kernel
/// (MR × NR accumulators, 24 of the 32 AVX-512 registers) walks the depth with one broadcast of A and two loads
/// of B per MR × 2 fused multiply-adds. Threads take disjoint ranges of B's column panels, or of A's row strips
/// when B is narrow, and pack their own operands.
/// </para>
/// </summary>
public static class Gemm
{
    /// <summary>Rows of A per micro-tile.</summary>
    public const int MR = 12;

    /// <summary>Columns of B per micro-tile (two 16-float vectors).</summary>
    public const int NR = 32;

    /// <summary>Depth of one packed block.</summary>
    public const int KC = 768;

    private const int MC = 288;

    // panels of B packed at once (32 × 32 columns × KC depth: 3 MiB)
    private const int NC = 32;
    private const long ParallelFlops = 1L << 21;

    // relative cost of packing one value: gathering along rows (scalar, strided stores) vs copying vectors
    private const double RowPackCost = 1.0;
    private const double VectorPackCost = 0.2;

    // a prepacked B larger than this is streamed from memory: each part should read only its own panels
    private const long StreamedValues = 4L << 20;

    // the 512-bit micro-kernel where the hardware has it; tests switch it off to cover the portable one (same sums, same order)
    internal static bool WideKernel { get; set; } = Vector512.IsHardwareAccelerated;

    /// <summary>Whether a vector kernel runs here (any hardware vectors; the widest path needs AVX-512).</summary>
    public static bool IsAccelerated => Vector.IsHardwareAccelerated;

    /// <summary>C (m, n) (+)= A (m, k) · B (k, n); all row-major and dense.</summary>
    public static unsafe void Multiply(float[] a, float[] b, float[] c, int m, int k, int n, bool accumulate, bool parallel = true)
    {
        Check(a, (long)m * k, nameof(a));
        Check(b, (long)k * n, nameof(b));
        Check(c, (long)m * n, nameof(c));
        fixed (float* pa = a, pb = b, pc = c)
            Multiply(pa, k, false, pb, n, false, pc, n, m, k, n, accumulate, parallel);
    }

    /// <summary>C (m, n) (+)= A (m, k) · Wᵀ with W (n, k) row-major: a linear layer's forward.</summary>
    public static unsafe void MultiplyTransposed(float[] a, float[] w, float[] c, int m, int k, int n, bool accumulate, bool parallel = true)
    {
        Check(a, (long)m * k, nameof(a));
        Check(w, (long)n * k, nameof(w));
        Check(c, (long)m * n, nameof(c));
        fixed (float* pa = a, pw = w, pc = c)
            Multiply(pa, k, false, pw, k, true, pc, n, m, k, n, accumulate, parallel);
    }

    /// <summary>C (m, n) (+)= Sᵀ · B with S stored (k, m) and B (k, n), both row-major: a weight gradient dyᵀ·x.</summary>
    public static unsafe void MultiplyTransposedA(float[] s, float[] b, float[] c, int m, int k, int n, bool accumulate, bool parallel = true)
    {
        Check(s, (long)k * m, nameof(s));
        Check(b, (long)k * n, nameof(b));
        Check(c, (long)m * n, nameof(c));
        fixed (float* ps = s, pb = b, pc = c)
            Multiply(ps, m, true, pb, n, false, pc, n, m, k, n, accumulate, parallel);
    }

    /// <summary>C (m, n) (+)= A (m, k) · Wᵀ with W packed once by <see cref="PackedMatrix.FromRows"/>.</summary>
    public static unsafe void MultiplyTransposed(float[] a, PackedMatrix w, float[] c, int m, bool accumulate)
    {
        ArgumentNullException.ThrowIfNull(w);
        Check(a, (long)m * w.K, nameof(a));
        Check(c, (long)m * w.N, nameof(c));
        fixed (float* pa = a, pc = c)
            Run(new RowMajorA(pa, w.K), new PrePackedB(w), pc, w.N, m, w.K, w.N, accumulate, parallel: true);
    }

    /// <summary>
    /// The strided form, as BLAS: A[i, p] = a[i·lda + p] (or a[p·lda + i] when <paramref name="transA"/>),
    /// B[p, j] = b[p·ldb + j] (or b[j·ldb + p] when <paramref name="transB"/>), C[i, j] = c[i·ldc + j].
    /// The caller keeps the memory alive and unmoved for the call.
    /// </summary>
    public static unsafe void Multiply(float* a, int lda, bool transA, float* b, int ldb, bool transB, float* c, int ldc, int m, int k, int n, bool accumulate, bool parallel = true)
    {
        if (!transA && !transB)
            Run(new RowMajorA(a, lda), new RowMajorB(b, ldb), c, ldc, m, k, n, accumulate, parallel);
        else if (!transA)
            Run(new RowMajorA(a, lda), new TransposedB(b, ldb), c, ldc, m, k, n, accumulate, parallel);
        else if (!transB)
            Run(new TransposedA(a, lda), new RowMajorB(b, ldb), c, ldc, m, k, n, accumulate, parallel);
        else
            Run(new TransposedA(a, lda), new TransposedB(b, ldb), c, ldc, m, k, n, accumulate, parallel);
    }

    /// <summary>y[r, j] += bias[j] for the t rows of y (t, n); nothing when there is no bias.</summary>
    internal static void AddBias(float[]? bias, float[] y, int t, int n)
    {
        if (bias is null)
            return;
        for (var r = 0; r < t; r++)
            TensorPrimitives.Add(y.AsSpan(r * n, n), bias.AsSpan(0, n), y.AsSpan(r * n, n));
    }

    private static void Check(float[] array, long needed, string name)
    {
        ArgumentNullException.ThrowIfNull(array, name);
        if (array.LongLength < needed)
            throw new ArgumentException($"{name} holds {array.LongLength} values, the product needs {needed}", name);
    }

    private static unsafe void Run<TA, TB>(TA a, TB b, float* c, int ldc, int m, int k, int n, bool accumulate, bool parallel)
        where TA : struct, IStripSource
        where TB : struct, IPanelSource
    {
        if (m == 0 || n == 0)
            return;
        if (k == 0 || !IsAccelerated)
        {
            Scalar(a, b, c, ldc, m, k, n, accumulate);
            return;
        }

        var panels = (n + NR - 1) / NR;
        var strips = (m + MR - 1) / MR;
        var threads = !parallel || (long)m * n * k < ParallelFlops ? 1 : Math.Min(Environment.ProcessorCount, Math.Max(panels, strips));
        if (threads <= 1)
        {
            Block(a, b, c, ldc, m, k, n, accumulate, 0, strips, 0, panels);
            return;
        }

        // Each part packs its own operands: splitting B's panels makes every part pack all of A, splitting A's
        // strips makes every part pack (or stream) all of B. Take the split that packs less, by rough per-value costs.
        var packA = (double)m * k * RowPackCost;
        var packB = (double)k * n * b.PackCost;
        var splitPanels = strips < threads || (panels >= threads && packA + (packB / threads) <= (packA / threads) + packB);
        Parallel.For(0, threads, part =>
        {
            if (splitPanels)
            {
                var (first, end) = Share(panels, threads, part);
                Block(a, b, c, ldc, m, k, n, accumulate, 0, strips, first, end);
            }
            else
            {
                var (first, end) = Share(strips, threads, part);
                Block(a, b, c, ldc, m, k, n, accumulate, first, end, 0, panels);
            }
        });
    }

    private static (int First, int End) Share(int count, int parts, int part) =>
        ((int)((long)count * part / parts), (int)((long)count * (part + 1) / parts));

    [ThreadStatic]
    private static float[]? t_packA;

    [ThreadStatic]
    private static float[]? t_packB;

    // rows [firstStrip·MR, endStrip·MR) × columns [firstPanel·NR, endPanel·NR) of C, over the whole depth
    private static unsafe void Block<TA, TB>(TA a, TB b, float* pc, int ldc, int m, int k, int n, bool accumulate, int firstStrip, int endStrip, int firstPanel, int endPanel)
        where TA : struct, IStripSource
        where TB : struct, IPanelSource
    {
        if (firstStrip >= endStrip || firstPanel >= endPanel)
            return;
        var stripsPerBlock = MC / MR;
        var packA = t_packA ??= GC.AllocateUninitializedArray<float>((MC * KC) + 16, pinned: true); // + slack, see RowMajorA.Pack
        var needB = b.NeedsPacking ? NC * NR * KC : 0;
        if (needB > 0 && (t_packB is null || t_packB.Length < needB))
            t_packB = GC.AllocateUninitializedArray<float>(needB, pinned: true);
        var packB = t_packB;
        float* tile = stackalloc float[MR * NR];
        fixed (float* pAPacked = packA, pBPacked = packB)
        {
            // NC panels of B at a time, so the packed B stays a few MiB however wide B is (a 150k vocabulary)
            for (var chunk = firstPanel; chunk < endPanel; chunk += NC)
            {
                var chunkEnd = Math.Min(endPanel, chunk + NC);
                for (var p0 = 0; p0 < k; p0 += KC)
                {
                    var kc = Math.Min(KC, k - p0);
                    var add = accumulate || p0 > 0;
                    if (b.NeedsPacking)
                    {
                        for (var panel = chunk; panel < chunkEnd; panel++)
                            b.Pack(pBPacked + ((long)(panel - chunk) * NR * kc), panel * NR, Math.Min(NR, n - (panel * NR)), p0, kc);
                    }

                    for (var s0 = firstStrip; s0 < endStrip; s0 += stripsPerBlock)
                    {
                        var s1 = Math.Min(endStrip, s0 + stripsPerBlock);
                        for (var s = s0; s < s1; s++)
                            a.Pack(pAPacked + ((long)(s - s0) * MR * kc), s * MR, Math.Min(MR, m - (s * MR)), p0, kc);
                        for (var panel = chunk; panel < chunkEnd; panel++)
                        {
                            var j0 = panel * NR;
                            var cols = Math.Min(NR, n - j0);
                            var bp = b.NeedsPacking ? pBPacked + ((long)(panel - chunk) * NR * kc) : b.Panel(panel, p0);
                            for (var s = s0; s < s1; s++)
                            {
                                var i0 = s * MR;
                                var rows = Math.Min(MR, m - i0);
                                var ap = pAPacked + ((long)(s - s0) * MR * kc);
                                if (rows == MR && cols == NR)
                                {
                                    MicroTile(ap, bp, kc, pc + ((long)i0 * ldc) + j0, ldc, add);
                                }
                                else
                                {
                                    MicroTile(ap, bp, kc, tile, NR, false);
                                    for (var i = 0; i < rows; i++)
                                    {
                                        var dst = pc + ((long)(i0 + i) * ldc) + j0;
                                        var src = tile + (i * NR);
                                        for (var j = 0; j < cols; j++)
                                            dst[j] = add ? dst[j] + src[j] : src[j];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void MicroTile(float* ap, float* bp, int kc, float* c, int ldc, bool add)
    {
        if (WideKernel)
        {
            Kernel(ap, bp, kc, c, ldc, add);
            return;
        }

        // narrower vectors: the same packed tile as sub-tiles of 6 rows × two vectors (15 registers)
        for (var i = 0; i < MR; i += 6)
        {
            for (var j = 0; j < NR; j += 2 * Vector<float>.Count)
                NarrowKernel(ap + i, bp + j, kc, c + ((long)i * ldc) + j, ldc, add);
        }
    }

    // c[6, 2V] (+)= Σ_p ap[p·MR + i] · bp[p·NR + j] for the portable vector width V
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void NarrowKernel(float* ap, float* bp, int kc, float* c, int ldc, bool add)
    {
        var w = Vector<float>.Count;
        Vector<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector.Load(bp);
            var b1 = Vector.Load(bp + w);
            var x = new Vector<float>(ap[0]);
            c00 = Vector.FusedMultiplyAdd(x, b0, c00); c01 = Vector.FusedMultiplyAdd(x, b1, c01);
            x = new Vector<float>(ap[1]);
            c10 = Vector.FusedMultiplyAdd(x, b0, c10); c11 = Vector.FusedMultiplyAdd(x, b1, c11);
            x = new Vector<float>(ap[2]);
            c20 = Vector.FusedMultiplyAdd(x, b0, c20); c21 = Vector.FusedMultiplyAdd(x, b1, c21);
            x = new Vector<float>(ap[3]);
            c30 = Vector.FusedMultiplyAdd(x, b0, c30); c31 = Vector.FusedMultiplyAdd(x, b1, c31);
            x = new Vector<float>(ap[4]);
            c40 = Vector.FusedMultiplyAdd(x, b0, c40); c41 = Vector.FusedMultiplyAdd(x, b1, c41);
            x = new Vector<float>(ap[5]);
            c50 = Vector.FusedMultiplyAdd(x, b0, c50); c51 = Vector.FusedMultiplyAdd(x, b1, c51);
            ap += MR;
            bp += NR;
        }

        StoreNarrow(c, add, c00, c01);
        StoreNarrow(c + ldc, add, c10, c11);
        StoreNarrow(c + (2 * ldc), add, c20, c21);
        StoreNarrow(c + (3 * ldc), add, c30, c31);
        StoreNarrow(c + (4 * ldc), add, c40, c41);
        StoreNarrow(c + (5 * ldc), add, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreNarrow(float* c, bool add, Vector<float> v0, Vector<float> v1)
    {
        if (add)
        {
            v0 += Vector.Load(c);
            v1 += Vector.Load(c + Vector<float>.Count);
        }

        v0.Store(c);
        v1.Store(c + Vector<float>.Count);
    }

    // c[MR, NR] (+)= Σ_p ap[p·MR + i] · bp[p·NR + j]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Kernel(float* ap, float* bp, int kc, float* c, int ldc, bool add)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default, c80 = default, c81 = default;
        Vector512<float> c90 = default, c91 = default, ca0 = default, ca1 = default, cb0 = default, cb1 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(bp);
            var b1 = Vector512.Load(bp + 16);
            var x = Vector512.Create(ap[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(ap[1]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(ap[2]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(ap[3]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(ap[4]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(ap[5]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(ap[6]);
            c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(ap[7]);
            c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            x = Vector512.Create(ap[8]);
            c80 = Vector512.FusedMultiplyAdd(x, b0, c80); c81 = Vector512.FusedMultiplyAdd(x, b1, c81);
            x = Vector512.Create(ap[9]);
            c90 = Vector512.FusedMultiplyAdd(x, b0, c90); c91 = Vector512.FusedMultiplyAdd(x, b1, c91);
            x = Vector512.Create(ap[10]);
            ca0 = Vector512.FusedMultiplyAdd(x, b0, ca0); ca1 = Vector512.FusedMultiplyAdd(x, b1, ca1);
            x = Vector512.Create(ap[11]);
            cb0 = Vector512.FusedMultiplyAdd(x, b0, cb0); cb1 = Vector512.FusedMultiplyAdd(x, b1, cb1);
            ap += MR;
            bp += NR;
        }

        Store(c, add, c00, c01);
        Store(c + ldc, add, c10, c11);
        Store(c + (2 * ldc), add, c20, c21);
        Store(c + (3 * ldc), add, c30, c31);
        Store(c + (4 * ldc), add, c40, c41);
        Store(c + (5 * ldc), add, c50, c51);
        Store(c + (6 * ldc), add, c60, c61);
        Store(c + (7 * ldc), add, c70, c71);
        Store(c + (8 * ldc), add, c80, c81);
        Store(c + (9 * ldc), add, c90, c91);
        Store(c + (10 * ldc), add, ca0, ca1);
        Store(c + (11 * ldc), add, cb0, cb1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(float* c, bool add, Vector512<float> v0, Vector512<float> v1)
    {
        if (add)
        {
            v0 += Vector512.Load(c);
            v1 += Vector512.Load(c + 16);
        }

        v0.Store(c);
        v1.Store(c + 16);
    }

    private static unsafe void Scalar<TA, TB>(TA a, TB b, float* c, int ldc, int m, int k, int n, bool accumulate)
        where TA : struct, IStripSource
        where TB : struct, IPanelSource
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                    sum += a.At(i, p) * b.At(p, j);
                var dst = c + ((long)i * ldc) + j;
                *dst = accumulate ? *dst + sum : sum;
            }
        }
    }

    // where A's row strips come from: ap[p·MR + i] = A[i0 + i, p0 + p], rows past `rows` zero
    private interface IStripSource
    {
        float At(int i, int p);

        unsafe void Pack(float* ap, int i0, int rows, int p0, int kc);
    }

    // A[i, p] = a[i·lda + p]: each strip row is read along its depth
    private readonly unsafe struct RowMajorA(float* a, int lda) : IStripSource
    {
        public float At(int i, int p) => a[((long)i * lda) + p];

        public void Pack(float* ap, int i0, int rows, int p0, int kc)
        {
            var src = a + ((long)i0 * lda) + p0;
            var p = 0;
            if (Transpose16.IsSupported)
            {
                // 16 depths at a time; each 16-wide column store runs 4 floats into the next depth's place
                // (overwritten next) or, after the last, into slack the strip buffer keeps for it
                for (; p + 16 <= kc; p += 16)
                    Transpose16.Block(src + p, lda, rows, ap + (p * MR), MR);
            }

            for (var i = 0; i < MR; i++)
            {
                var dst = ap + (p * MR) + i;
                if (i >= rows)
                {
                    for (var q = p; q < kc; q++, dst += MR)
                        *dst = 0f;
                    continue;
                }

                var row = src + ((long)i * lda);
                for (var q = p; q < kc; q++, dst += MR)
                    *dst = row[q];
            }
        }
    }

    // A[i, p] = s[p·lds + i]: a strip's MR values at one depth are consecutive
    private readonly unsafe struct TransposedA(float* s, int lds) : IStripSource
    {
        public float At(int i, int p) => s[((long)p * lds) + i];

        public void Pack(float* ap, int i0, int rows, int p0, int kc)
        {
            var src = s + ((long)p0 * lds) + i0;
            for (var p = 0; p < kc; p++, src += lds, ap += MR)
            {
                var i = 0;
                for (; i < rows; i++)
                    ap[i] = src[i];
                for (; i < MR; i++)
                    ap[i] = 0f;
            }
        }
    }

    // where B's column panels come from: packed on the fly from a layout, or read from a prepacked copy
    private interface IPanelSource
    {
        bool NeedsPacking { get; }

        // what handing all of B to every part costs per value (see Run)
        double PackCost { get; }

        float At(int p, int j);

        unsafe void Pack(float* bp, int j0, int cols, int p0, int kc);

        unsafe float* Panel(int panel, int p0);
    }

    // B[p, j] = b[p·ldb + j]: a panel row is NR consecutive floats of one B row
    private readonly unsafe struct RowMajorB(float* b, int ldb) : IPanelSource
    {
        public bool NeedsPacking => true;

        public double PackCost => VectorPackCost;

        public float At(int p, int j) => b[((long)p * ldb) + j];

        public void Pack(float* bp, int j0, int cols, int p0, int kc)
        {
            var src = b + ((long)p0 * ldb) + j0;
            if (cols == NR)
            {
                for (var p = 0; p < kc; p++, src += ldb, bp += NR)
                {
                    Buffer.MemoryCopy(src, bp, NR * sizeof(float), NR * sizeof(float));
                }

                return;
            }

            for (var p = 0; p < kc; p++, src += ldb, bp += NR)
            {
                for (var j = 0; j < NR; j++)
                    bp[j] = j < cols ? src[j] : 0f;
            }
        }

        public float* Panel(int panel, int p0) => throw new InvalidOperationException("packed on the fly");
    }

    // B[p, j] = w[j·ldw + p]: a panel row gathers one column of W's NR rows
    private readonly unsafe struct TransposedB(float* w, int ldw) : IPanelSource
    {
        public bool NeedsPacking => true;

        public double PackCost => RowPackCost;

        public float At(int p, int j) => w[((long)j * ldw) + p];

        public void Pack(float* bp, int j0, int cols, int p0, int kc) => PackedMatrix.PackPanel(w, ldw, bp, j0, cols, p0, kc);

        public float* Panel(int panel, int p0) => throw new InvalidOperationException("packed on the fly");
    }

    private readonly unsafe struct PrePackedB(PackedMatrix w) : IPanelSource
    {
        public bool NeedsPacking => false;

        public double PackCost => (long)w.N * w.K > StreamedValues ? 2 * RowPackCost : 0;

        public float At(int p, int j) => w.At(p, j);

        public void Pack(float* bp, int j0, int cols, int p0, int kc) => throw new InvalidOperationException("already packed");

        public float* Panel(int panel, int p0) => w.Panel(panel, p0);
    }
}
