using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Persona.Tensors.Kernels;

/// <summary>
/// Causal grouped-query attention for many query rows at once (prefill). Keys and values of each kv head
/// are first packed transposed, (headDim, positions) with the position count padded to 16 with zeros, so
/// both products run along positions with whole Vector512s whatever the head size:
/// scores (16 positions) = Σᵢ q[i] · Kᵀ[i, p…p+15] (broadcast-FMA, no horizontal sums), a masked softmax
/// with <see cref="VectorExp"/>, then out[j] = P · Vᵀ[j, ·] (four dot products at a time).
/// Rows are processed in tiles of query positions, parallel over (head, tile) when the work is large enough.
/// </summary>
internal static class BlockedAttention
{
    private const int TileRows = 16;

    public static void Run(float[] q, float[] keys, float[] values, float[] output, int t, int start, int heads, int kvHeads, int headDim)
    {
        var total = start + t;
        var stride = (total + 15) & ~15; // padded positions per packed row
        var packedLength = kvHeads * headDim * stride;
        var kt = ArrayPool<float>.Shared.Rent(packedLength);
        var vt = ArrayPool<float>.Shared.Rent(packedLength);
        try
        {
            Pack(keys, kt, total, stride, kvHeads, headDim);
            Pack(values, vt, total, stride, kvHeads, headDim);
            var tiles = (t + TileRows - 1) / TileRows;
            var items = heads * tiles;
            var work = (long)t * heads * total * headDim;
            if (work < FastKernels.ParallelThreshold || Environment.ProcessorCount == 1)
            {
                var scores = new float[stride];
                for (var item = 0; item < items; item++)
                    Tile(q, kt, vt, output, item, tiles, t, start, stride, heads, kvHeads, headDim, scores);
                return;
            }

            Parallel.For(
                0,
                items,
                () => new float[stride],
                (item, _, scores) =>
                {
                    Tile(q, kt, vt, output, item, tiles, t, start, stride, heads, kvHeads, headDim, scores);
                    return scores;
                },
                _ => { });
        }
        finally
        {
            ArrayPool<float>.Shared.Return(kt);
            ArrayPool<float>.Shared.Return(vt);
        }
    }

    // (positions, kvHeads·hd) row-major → per kv head (hd, stride), zero past the last position.
    private static void Pack(float[] source, float[] packed, int total, int stride, int kvHeads, int headDim)
    {
        var kvStride = kvHeads * headDim;
        for (var g = 0; g < kvHeads; g++)
        {
            var baseOffset = g * headDim * stride;
            for (var i = 0; i < headDim; i++)
            {
                var row = baseOffset + (i * stride);
                for (var p = 0; p < total; p++)
                    packed[row + p] = source[(p * kvStride) + (g * headDim) + i];
                Array.Clear(packed, row + total, stride - total);
            }
        }
    }

    private static void Tile(float[] q, float[] kt, float[] vt, float[] output, int item, int tiles, int t, int start, int stride, int heads, int kvHeads, int headDim, float[] scores)
    {
        var h = item / tiles;
        var first = item % tiles * TileRows;
        var end = Math.Min(t, first + TileRows);
        var packedOffset = h / (heads / kvHeads) * headDim * stride;
        var scale = 1f / MathF.Sqrt(headDim);
        for (var r = first; r < end; r++)
            Row(q, kt, vt, output, (r * heads * headDim) + (h * headDim), start + r + 1, stride, packedOffset, headDim, scale, scores);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row(float[] q, float[] kt, float[] vt, float[] output, int qOff, int visible, int stride, int packedOffset, int headDim, float scale, float[] scores)
    {
        ref var qr = ref MemoryMarshal.GetArrayDataReference(q);
        ref var kr = ref MemoryMarshal.GetArrayDataReference(kt);
        ref var vr = ref MemoryMarshal.GetArrayDataReference(vt);
        ref var sr = ref MemoryMarshal.GetArrayDataReference(scores);
        var chunks = (visible + 15) >> 4;
        var vScale = Vector512.Create(scale);

        // scores[p] = (q · k_p) · scale for p < 16·chunks, four 16-position chunks per pass over q
        var c = 0;
        for (; c + 4 <= chunks; c += 4)
        {
            var p0 = (nuint)(c << 4);
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var i = 0; i < headDim; i++)
            {
                var qi = Vector512.Create(Unsafe.Add(ref qr, qOff + i));
                var row = (nuint)(packedOffset + (i * stride)) + p0;
                a0 = Vector512.FusedMultiplyAdd(qi, Vector512.LoadUnsafe(ref kr, row), a0);
                a1 = Vector512.FusedMultiplyAdd(qi, Vector512.LoadUnsafe(ref kr, row + 16), a1);
                a2 = Vector512.FusedMultiplyAdd(qi, Vector512.LoadUnsafe(ref kr, row + 32), a2);
                a3 = Vector512.FusedMultiplyAdd(qi, Vector512.LoadUnsafe(ref kr, row + 48), a3);
            }

            (a0 * vScale).StoreUnsafe(ref sr, p0);
            (a1 * vScale).StoreUnsafe(ref sr, p0 + 16);
            (a2 * vScale).StoreUnsafe(ref sr, p0 + 32);
            (a3 * vScale).StoreUnsafe(ref sr, p0 + 48);
        }

        for (; c < chunks; c++)
        {
            var p0 = (nuint)(c << 4);
            var a0 = Vector512<float>.Zero;
            for (var i = 0; i < headDim; i++)
                a0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref qr, qOff + i)), Vector512.LoadUnsafe(ref kr, (nuint)(packedOffset + (i * stride)) + p0), a0);
            (a0 * vScale).StoreUnsafe(ref sr, p0);
        }

        // causal mask: positions past this row's own never count
        var padded = chunks << 4;
        for (var p = visible; p < padded; p++)
            scores[p] = float.NegativeInfinity;

        var vMax = Vector512.Create(float.NegativeInfinity);
        for (var p = 0; p < padded; p += 16)
            vMax = Vector512.Max(vMax, Vector512.LoadUnsafe(ref sr, (nuint)p));
        var max = Vector512.Create(MaxAcross(vMax));
        var vSum = Vector512<float>.Zero;
        for (var p = 0; p < padded; p += 16)
        {
            var e = VectorExp.Exp(Vector512.LoadUnsafe(ref sr, (nuint)p) - max); // e^-∞ = 0 for masked positions
            e.StoreUnsafe(ref sr, (nuint)p);
            vSum += e;
        }

        var inverse = 1f / Vector512.Sum(vSum);

        // out[j] = Σ_p P[p] · v_p[j] / sum, four output features per pass over P
        var j = 0;
        for (; j + 4 <= headDim; j += 4)
        {
            var v0 = (nuint)(packedOffset + (j * stride));
            var v1 = v0 + (nuint)stride;
            var v2 = v1 + (nuint)stride;
            var v3 = v2 + (nuint)stride;
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var p = 0; p < padded; p += 16)
            {
                var up = (nuint)p;
                var w = Vector512.LoadUnsafe(ref sr, up);
                a0 = Vector512.FusedMultiplyAdd(w, Vector512.LoadUnsafe(ref vr, v0 + up), a0);
                a1 = Vector512.FusedMultiplyAdd(w, Vector512.LoadUnsafe(ref vr, v1 + up), a1);
                a2 = Vector512.FusedMultiplyAdd(w, Vector512.LoadUnsafe(ref vr, v2 + up), a2);
                a3 = Vector512.FusedMultiplyAdd(w, Vector512.LoadUnsafe(ref vr, v3 + up), a3);
            }

            output[qOff + j] = Vector512.Sum(a0) * inverse;
            output[qOff + j + 1] = Vector512.Sum(a1) * inverse;
            output[qOff + j + 2] = Vector512.Sum(a2) * inverse;
            output[qOff + j + 3] = Vector512.Sum(a3) * inverse;
        }

        for (; j < headDim; j++)
        {
            var v0 = (nuint)(packedOffset + (j * stride));
            var a0 = Vector512<float>.Zero;
            for (var p = 0; p < padded; p += 16)
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref sr, (nuint)p), Vector512.LoadUnsafe(ref vr, v0 + (nuint)p), a0);
            output[qOff + j] = Vector512.Sum(a0) * inverse;
        }
    }

    private static float MaxAcross(Vector512<float> v)
    {
        var half = Vector256.Max(v.GetLower(), v.GetUpper());
        var quarter = Vector128.Max(half.GetLower(), half.GetUpper());
        return MathF.Max(MathF.Max(quarter[0], quarter[1]), MathF.Max(quarter[2], quarter[3]));
    }
}
