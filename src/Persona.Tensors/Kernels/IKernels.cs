namespace Persona.Tensors.Kernels;

/// <summary>
/// The operations of a LLaMA-family forward pass over row-major <see cref="float"/> buffers.
/// Two implementations: <see cref="ReferenceKernels"/> (plain loops, obviously correct) and
/// <see cref="FastKernels"/> (SIMD, parallel over rows), checked against each other by tolerance.
/// Every buffer holds whole rows from index 0; sizes are given explicitly.
/// </summary>
public interface IKernels
{
    /// <summary>y = x·wᵀ (+ bias). x (t, k), w (n, k) as a PyTorch Linear [out, in], bias (n) or null → y (t, n).</summary>
    void MatMul(float[] x, float[] w, float[]? bias, float[] y, int t, int k, int n);

    /// <summary>RMSNorm per row: y = w ⊙ x / sqrt(mean(x²) + eps). x (t, d), w (d) → y (t, d).</summary>
    void RmsNorm(float[] x, float[] w, float eps, float[] y, int t, int d);

    /// <summary>Rotates q/k heads in place. x (t, heads·headDim); row i is at position positions[i].</summary>
    void Rope(float[] x, int t, int heads, int headDim, ReadOnlySpan<int> positions, RopeTable table);

    /// <summary>
    /// Causal grouped-query attention of t new queries against a cache that holds positions [0, start + t).
    /// q (t, heads·hd); keys/values (maxSeq, kvHeads·hd) with the new rows already written at start…start+t-1
    /// → output (t, heads·hd). Query head h reads kv head h / (heads / kvHeads).
    /// </summary>
    void Attention(float[] q, float[] keys, float[] values, float[] output, int t, int start, int heads, int kvHeads, int headDim);

    /// <summary>SwiGLU: gate[i] = silu(gate[i]) · up[i] for i &lt; count (in place in gate).</summary>
    void SwiGlu(float[] gate, float[] up, int count);
}
