namespace Persona.Tensors.Kernels;

/// <summary>
/// A frozen weight W (n, k) stored in <see cref="Gemm"/>'s panel order, so products with Wᵀ skip packing B:
/// panel j holds W's rows [j·NR, j·NR + NR) column by column (for each depth p, NR consecutive floats), rows past
/// n zero. Same size as W (rounded up to whole panels); made once, read by every step.
/// </summary>
public sealed unsafe class PackedMatrix
{
    private readonly float[] _data;

    private PackedMatrix(float[] data, int n, int k)
    {
        _data = data;
        N = n;
        K = k;
    }

    /// <summary>Rows of W (columns of the product).</summary>
    public int N { get; }

    /// <summary>Columns of W (the product's depth).</summary>
    public int K { get; }

    /// <summary>Packs W (n, k) row-major.</summary>
    public static PackedMatrix FromRows(float[] w, int n, int k)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (w.LongLength < (long)n * k)
            throw new ArgumentException($"W holds {w.LongLength} values, {n}×{k} needs {(long)n * k}", nameof(w));
        var panels = (n + Gemm.NR - 1) / Gemm.NR;
        var data = GC.AllocateUninitializedArray<float>(checked(panels * Gemm.NR * k), pinned: true);
        fixed (float* pw = w)
        {
            var source = pw;
            Parallel.For(0, panels, panel =>
            {
                fixed (float* pd = data)
                    PackPanel(source, k, pd + ((long)panel * Gemm.NR * k), panel * Gemm.NR, Math.Min(Gemm.NR, n - (panel * Gemm.NR)), 0, k);
            });
        }

        return new PackedMatrix(data, n, k);
    }

    /// <summary>W[j, p].</summary>
    public float At(int p, int j) => _data[((long)(j / Gemm.NR) * Gemm.NR * K) + ((long)p * Gemm.NR) + (j % Gemm.NR)];

    // the kc × NR block of panel `panel` starting at depth p0 (contiguous)
    internal float* Panel(int panel, int p0)
    {
        fixed (float* pd = _data)
            return pd + ((long)panel * Gemm.NR * K) + ((long)p0 * Gemm.NR); // the array is pinned for its lifetime
    }

    /// <summary>
    /// Rows [j0, j0 + cols) of W (n, k) at depth [p0, p0 + kc) → bp[p·NR + j]; rows past cols zero.
    /// </summary>
    internal static void PackPanel(float* w, int k, float* bp, int j0, int cols, int p0, int kc)
    {
        var p = 0;
        if (Transpose16.IsSupported)
        {
            // 16 rows × 16 depths at a time, each half of the panel in turn
            for (; p + 16 <= kc; p += 16)
            {
                for (var half = 0; half < Gemm.NR; half += 16)
                    Transpose16.Block(w + ((long)(j0 + half) * k) + p0 + p, k, Math.Clamp(cols - half, 0, 16), bp + (p * Gemm.NR) + half, Gemm.NR);
            }
        }

        for (var j = 0; j < Gemm.NR; j++)
        {
            var dst = bp + (p * Gemm.NR) + j;
            if (j >= cols)
            {
                for (var q = p; q < kc; q++, dst += Gemm.NR)
                    *dst = 0f;
                continue;
            }

            var src = w + ((long)(j0 + j) * k) + p0;
            for (var q = p; q < kc; q++, dst += Gemm.NR)
                *dst = src[q];
        }
    }
}
