using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Persona.Tensors.Kernels;

/// <summary>
/// SIMD kernels, parallel over rows when the work is large enough to pay for the threads.
/// Matrix products use a register-blocked Vector512 micro-kernel (<see cref="FastMatMul"/>); the other
/// operations use <see cref="TensorPrimitives"/>. Checked against <see cref="ReferenceKernels"/>.
/// </summary>
public sealed class FastKernels : IKernels
{
    /// <summary>Below this many multiply-adds an operation runs on the calling thread.</summary>
    internal const long ParallelThreshold = 1 << 17;

    /// <summary>From this many new rows on, attention packs the cache once and runs <see cref="BlockedAttention"/>.</summary>
    internal const int BlockedAttentionMinRows = 4;

    public static FastKernels Instance { get; } = new();

    /// <summary>From this many rows on (prefill), products run on the blocked <see cref="Gemm"/>; decode steps keep the dot-product kernel.</summary>
    internal const int GemmMinRows = 16;

    public void MatMul(float[] x, float[] w, float[]? bias, float[] y, int t, int k, int n)
    {
        if (t < GemmMinRows || !Gemm.IsAccelerated)
        {
            FastMatMul.Run(x, w, bias, y, t, k, n);
            return;
        }

        Gemm.MultiplyTransposed(x, w, y, t, k, n, accumulate: false);
        Gemm.AddBias(bias, y, t, n);
    }

    public void RmsNorm(float[] x, float[] w, float eps, float[] y, int t, int d)
    {
        // (t, d) -> (t, d)
        for (var r = 0; r < t; r++)
        {
            var row = x.AsSpan(r * d, d);
            var output = y.AsSpan(r * d, d);
            var scale = 1f / MathF.Sqrt((TensorPrimitives.SumOfSquares(row) / d) + eps);
            TensorPrimitives.Multiply(row, scale, output);
            TensorPrimitives.Multiply(output, w.AsSpan(0, d), output);
        }
    }

    public void Rope(float[] x, int t, int heads, int headDim, ReadOnlySpan<int> positions, RopeTable table) =>
        ReferenceKernels.Instance.Rope(x, t, heads, headDim, positions, table); // O(t·d): not worth a second version

    public void Attention(float[] q, float[] keys, float[] values, float[] output, int t, int start, int heads, int kvHeads, int headDim)
    {
        if (t >= BlockedAttentionMinRows && Vector512.IsHardwareAccelerated)
        {
            BlockedAttention.Run(q, keys, values, output, t, start, heads, kvHeads, headDim);
            return;
        }

        // decode (few new rows): one (row, head) at a time straight from the cache
        var work = (long)t * heads * (start + t) * headDim;
        if (work < ParallelThreshold)
        {
            var scores = new float[start + t];
            for (var item = 0; item < t * heads; item++)
                AttendOne(q, keys, values, output, item, start, heads, kvHeads, headDim, scores);
            return;
        }

        Parallel.For(
            0,
            t * heads,
            () => new float[start + t],
            (item, _, scores) =>
            {
                AttendOne(q, keys, values, output, item, start, heads, kvHeads, headDim, scores);
                return scores;
            },
            _ => { });
    }

    // VectorExp rather than TensorPrimitives.Exp/Sigmoid (11.0), which measured 10-20x slower here.
    public void SwiGlu(float[] gate, float[] up, int count)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref var gr = ref MemoryMarshal.GetArrayDataReference(gate);
            ref var ur = ref MemoryMarshal.GetArrayDataReference(up);
            for (; i + 16 <= count; i += 16)
            {
                var g = Vector512.LoadUnsafe(ref gr, (nuint)i);
                (g / (Vector512<float>.One + VectorExp.Exp(-g)) * Vector512.LoadUnsafe(ref ur, (nuint)i)).StoreUnsafe(ref gr, (nuint)i);
            }
        }

        for (; i < count; i++)
        {
            var g = gate[i];
            gate[i] = g / (1f + MathF.Exp(-g)) * up[i];
        }
    }

    private static void AttendOne(float[] q, float[] keys, float[] values, float[] output, int item, int start, int heads, int kvHeads, int headDim, float[] scores)
    {
        // one (query row r, head h): softmax(q·Kᵀ/√hd) · V over positions 0..start+r
        var r = item / heads;
        var h = item % heads;
        var visible = start + r + 1;
        var kvStride = kvHeads * headDim;
        var kvOff = h / (heads / kvHeads) * headDim;
        var qOff = (r * heads * headDim) + (h * headDim);
        var scale = 1f / MathF.Sqrt(headDim);
        var max = float.NegativeInfinity;
        for (var p = 0; p < visible; p++)
        {
            var score = HeadDot(q, qOff, keys, (p * kvStride) + kvOff, headDim) * scale;
            scores[p] = score;
            max = MathF.Max(max, score);
        }

        var sum = 0f;
        for (var p = 0; p < visible; p++)
            sum += scores[p] = MathF.Exp(scores[p] - max);
        var inverse = 1f / sum;
        Array.Clear(output, qOff, headDim);
        for (var p = 0; p < visible; p++)
            HeadAxpy(scores[p] * inverse, values, (p * kvStride) + kvOff, output, qOff, headDim);
    }

    // Σ a[aOff+i]·b[bOff+i] for i < n, with the widest vector that divides n.
    private static float HeadDot(float[] a, int aOff, float[] b, int bOff, int n)
    {
        ref var ar = ref MemoryMarshal.GetArrayDataReference(a);
        ref var br = ref MemoryMarshal.GetArrayDataReference(b);
        if (Vector512.IsHardwareAccelerated && n % 16 == 0)
        {
            var acc = Vector512<float>.Zero;
            for (var i = 0; i < n; i += 16)
                acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref ar, (nuint)(aOff + i)), Vector512.LoadUnsafe(ref br, (nuint)(bOff + i)), acc);
            return Vector512.Sum(acc);
        }

        if (Vector256.IsHardwareAccelerated && n % 8 == 0)
        {
            var acc = Vector256<float>.Zero;
            for (var i = 0; i < n; i += 8)
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ar, (nuint)(aOff + i)), Vector256.LoadUnsafe(ref br, (nuint)(bOff + i)), acc);
            return Vector256.Sum(acc);
        }

        var sum = 0f;
        for (var i = 0; i < n; i++)
            sum += a[aOff + i] * b[bOff + i];
        return sum;
    }

    // y[yOff+i] += alpha·x[xOff+i] for i < n.
    private static void HeadAxpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n)
    {
        ref var xr = ref MemoryMarshal.GetArrayDataReference(x);
        ref var yr = ref MemoryMarshal.GetArrayDataReference(y);
        if (Vector512.IsHardwareAccelerated && n % 16 == 0)
        {
            var a = Vector512.Create(alpha);
            for (var i = 0; i < n; i += 16)
                Vector512.FusedMultiplyAdd(a, Vector512.LoadUnsafe(ref xr, (nuint)(xOff + i)), Vector512.LoadUnsafe(ref yr, (nuint)(yOff + i))).StoreUnsafe(ref yr, (nuint)(yOff + i));
            return;
        }

        if (Vector256.IsHardwareAccelerated && n % 8 == 0)
        {
            var a = Vector256.Create(alpha);
            for (var i = 0; i < n; i += 8)
                Vector256.FusedMultiplyAdd(a, Vector256.LoadUnsafe(ref xr, (nuint)(xOff + i)), Vector256.LoadUnsafe(ref yr, (nuint)(yOff + i))).StoreUnsafe(ref yr, (nuint)(yOff + i));
            return;
        }

        for (var i = 0; i < n; i++)
            y[yOff + i] += alpha * x[xOff + i];
    }
}
