using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Persona.Tensors.Kernels;

/// <summary>
/// y (t, n) = x (t, k) · w (n, k)ᵀ + bias. Both operands are contiguous along k, so each output is a dot
/// product; a 4×4 register block (4 rows of x against 4 rows of w, 16 Vector512 accumulators) loads each
/// vector once per 4 multiply-adds. Work is split over blocks of w rows, so each thread streams its own
/// slice of the weights once per call.
/// </summary>
internal static class FastMatMul
{
    private const int RowsPerTask = 16;

    public static void Run(float[] x, float[] w, float[]? bias, float[] y, int t, int k, int n)
    {
        var tasks = (n + RowsPerTask - 1) / RowsPerTask;
        if ((long)t * k * n < FastKernels.ParallelThreshold || Environment.ProcessorCount == 1)
        {
            Slice(x, w, bias, y, t, k, n, 0, n);
            return;
        }

        Parallel.For(0, tasks, task =>
        {
            var first = task * RowsPerTask;
            Slice(x, w, bias, y, t, k, n, first, Math.Min(n, first + RowsPerTask));
        });
    }

    private static void Slice(float[] x, float[] w, float[]? bias, float[] y, int t, int k, int n, int firstRow, int endRow)
    {
        var simd = Vector512.IsHardwareAccelerated && k >= Vector512<float>.Count;
        var o = firstRow;
        for (; simd && o + 4 <= endRow; o += 4)
        {
            var r = 0;
            for (; r + 4 <= t; r += 4)
                Block4x4(x, w, y, r, o, k, n);
            for (; r < t; r++)
                Block1x4(x, w, y, r, o, k, n);
        }

        for (; o < endRow; o++)
        {
            var row = w.AsSpan(o * k, k);
            for (var r = 0; r < t; r++)
                y[(r * n) + o] = TensorPrimitives.Dot(x.AsSpan(r * k, k), row);
        }

        if (bias is not null)
        {
            for (var r = 0; r < t; r++)
                TensorPrimitives.Add(y.AsSpan((r * n) + firstRow, endRow - firstRow), bias.AsSpan(firstRow, endRow - firstRow), y.AsSpan((r * n) + firstRow, endRow - firstRow));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4x4(float[] x, float[] w, float[] y, int r, int o, int k, int n)
    {
        ref var xr = ref MemoryMarshal.GetArrayDataReference(x);
        ref var wr = ref MemoryMarshal.GetArrayDataReference(w);
        nuint x0 = (nuint)(r * k), x1 = x0 + (nuint)k, x2 = x1 + (nuint)k, x3 = x2 + (nuint)k;
        nuint w0 = (nuint)(o * k), w1 = w0 + (nuint)k, w2 = w1 + (nuint)k, w3 = w2 + (nuint)k;
        Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
        Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
        Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
        Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
        var i = 0;
        for (; i + 16 <= k; i += 16)
        {
            var ui = (nuint)i;
            var b0 = Vector512.LoadUnsafe(ref wr, w0 + ui);
            var b1 = Vector512.LoadUnsafe(ref wr, w1 + ui);
            var b2 = Vector512.LoadUnsafe(ref wr, w2 + ui);
            var b3 = Vector512.LoadUnsafe(ref wr, w3 + ui);
            var v = Vector512.LoadUnsafe(ref xr, x0 + ui);
            a00 = Vector512.FusedMultiplyAdd(v, b0, a00); a01 = Vector512.FusedMultiplyAdd(v, b1, a01);
            a02 = Vector512.FusedMultiplyAdd(v, b2, a02); a03 = Vector512.FusedMultiplyAdd(v, b3, a03);
            v = Vector512.LoadUnsafe(ref xr, x1 + ui);
            a10 = Vector512.FusedMultiplyAdd(v, b0, a10); a11 = Vector512.FusedMultiplyAdd(v, b1, a11);
            a12 = Vector512.FusedMultiplyAdd(v, b2, a12); a13 = Vector512.FusedMultiplyAdd(v, b3, a13);
            v = Vector512.LoadUnsafe(ref xr, x2 + ui);
            a20 = Vector512.FusedMultiplyAdd(v, b0, a20); a21 = Vector512.FusedMultiplyAdd(v, b1, a21);
            a22 = Vector512.FusedMultiplyAdd(v, b2, a22); a23 = Vector512.FusedMultiplyAdd(v, b3, a23);
            v = Vector512.LoadUnsafe(ref xr, x3 + ui);
            a30 = Vector512.FusedMultiplyAdd(v, b0, a30); a31 = Vector512.FusedMultiplyAdd(v, b1, a31);
            a32 = Vector512.FusedMultiplyAdd(v, b2, a32); a33 = Vector512.FusedMultiplyAdd(v, b3, a33);
        }

        if (i < k)
        {
            // tail of k that is not a multiple of 16: the last 16 elements again, x's already-counted lanes zeroed
            var ui = (nuint)(k - 16);
            var keep = TailMask(k - i);
            var b0 = Vector512.LoadUnsafe(ref wr, w0 + ui);
            var b1 = Vector512.LoadUnsafe(ref wr, w1 + ui);
            var b2 = Vector512.LoadUnsafe(ref wr, w2 + ui);
            var b3 = Vector512.LoadUnsafe(ref wr, w3 + ui);
            var v = Vector512.LoadUnsafe(ref xr, x0 + ui) & keep;
            a00 = Vector512.FusedMultiplyAdd(v, b0, a00); a01 = Vector512.FusedMultiplyAdd(v, b1, a01);
            a02 = Vector512.FusedMultiplyAdd(v, b2, a02); a03 = Vector512.FusedMultiplyAdd(v, b3, a03);
            v = Vector512.LoadUnsafe(ref xr, x1 + ui) & keep;
            a10 = Vector512.FusedMultiplyAdd(v, b0, a10); a11 = Vector512.FusedMultiplyAdd(v, b1, a11);
            a12 = Vector512.FusedMultiplyAdd(v, b2, a12); a13 = Vector512.FusedMultiplyAdd(v, b3, a13);
            v = Vector512.LoadUnsafe(ref xr, x2 + ui) & keep;
            a20 = Vector512.FusedMultiplyAdd(v, b0, a20); a21 = Vector512.FusedMultiplyAdd(v, b1, a21);
            a22 = Vector512.FusedMultiplyAdd(v, b2, a22); a23 = Vector512.FusedMultiplyAdd(v, b3, a23);
            v = Vector512.LoadUnsafe(ref xr, x3 + ui) & keep;
            a30 = Vector512.FusedMultiplyAdd(v, b0, a30); a31 = Vector512.FusedMultiplyAdd(v, b1, a31);
            a32 = Vector512.FusedMultiplyAdd(v, b2, a32); a33 = Vector512.FusedMultiplyAdd(v, b3, a33);
        }

        Span<float> s = stackalloc float[16];
        s[0] = Vector512.Sum(a00); s[1] = Vector512.Sum(a01); s[2] = Vector512.Sum(a02); s[3] = Vector512.Sum(a03);
        s[4] = Vector512.Sum(a10); s[5] = Vector512.Sum(a11); s[6] = Vector512.Sum(a12); s[7] = Vector512.Sum(a13);
        s[8] = Vector512.Sum(a20); s[9] = Vector512.Sum(a21); s[10] = Vector512.Sum(a22); s[11] = Vector512.Sum(a23);
        s[12] = Vector512.Sum(a30); s[13] = Vector512.Sum(a31); s[14] = Vector512.Sum(a32); s[15] = Vector512.Sum(a33);
        for (var a = 0; a < 4; a++)
        {
            for (var b = 0; b < 4; b++)
                y[((r + a) * n) + o + b] = s[(a * 4) + b];
        }
    }

    // all bits set in the last `remaining` lanes (1 ≤ remaining < 16), zero in the others
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TailMask(int remaining) =>
        Vector512.GreaterThanOrEqual(Vector512<int>.Indices, Vector512.Create(16 - remaining)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block1x4(float[] x, float[] w, float[] y, int r, int o, int k, int n)
    {
        ref var xr = ref MemoryMarshal.GetArrayDataReference(x);
        ref var wr = ref MemoryMarshal.GetArrayDataReference(w);
        var x0 = (nuint)(r * k);
        nuint w0 = (nuint)(o * k), w1 = w0 + (nuint)k, w2 = w1 + (nuint)k, w3 = w2 + (nuint)k;
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        var i = 0;
        for (; i + 16 <= k; i += 16)
        {
            var ui = (nuint)i;
            var v = Vector512.LoadUnsafe(ref xr, x0 + ui);
            a0 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wr, w0 + ui), a0);
            a1 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wr, w1 + ui), a1);
            a2 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wr, w2 + ui), a2);
            a3 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wr, w3 + ui), a3);
        }

        if (i < k)
        {
            var ui = (nuint)(k - 16);
            var v = Vector512.LoadUnsafe(ref xr, x0 + ui) & TailMask(k - i);
            a0 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wr, w0 + ui), a0);
            a1 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wr, w1 + ui), a1);
            a2 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wr, w2 + ui), a2);
            a3 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref wr, w3 + ui), a3);
        }

        float s0 = Vector512.Sum(a0), s1 = Vector512.Sum(a1), s2 = Vector512.Sum(a2), s3 = Vector512.Sum(a3);

        var row = r * n;
        y[row + o] = s0;
        y[row + o + 1] = s1;
        y[row + o + 2] = s2;
        y[row + o + 3] = s3;
    }
}
