using System.Numerics.Tensors;

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

    public static FastKernels Instance { get; } = new();

    public void MatMul(float[] x, float[] w, float[]? bias, float[] y, int t, int k, int n) =>
        FastMatMul.Run(x, w, bias, y, t, k, n);

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

    public void SwiGlu(float[] gate, float[] up, int count)
    {
        var g = gate.AsSpan(0, count);
        TensorPrimitives.Sigmoid(g, Scratch(count));
        TensorPrimitives.Multiply(g, Scratch(count), g);
        TensorPrimitives.Multiply(g, up.AsSpan(0, count), g);
    }

    [ThreadStatic]
    private static float[]? t_scratch;

    private static Span<float> Scratch(int count)
    {
        if (t_scratch is null || t_scratch.Length < count)
            t_scratch = new float[count];
        return t_scratch.AsSpan(0, count);
    }

    private static void AttendOne(float[] q, float[] keys, float[] values, float[] output, int item, int start, int heads, int kvHeads, int headDim, float[] scoreBuffer)
    {
        // one (query row r, head h): softmax(q·Kᵀ/√hd) · V over positions 0..start+r
        var r = item / heads;
        var h = item % heads;
        var visible = start + r + 1;
        var kvStride = kvHeads * headDim;
        var kvOff = h / (heads / kvHeads) * headDim;
        var query = q.AsSpan((r * heads * headDim) + (h * headDim), headDim);
        var scores = scoreBuffer.AsSpan(0, visible);
        var scale = 1f / MathF.Sqrt(headDim);
        for (var p = 0; p < visible; p++)
            scores[p] = TensorPrimitives.Dot(query, keys.AsSpan((p * kvStride) + kvOff, headDim)) * scale;
        TensorPrimitives.SoftMax(scores, scores);
        var result = output.AsSpan((r * heads * headDim) + (h * headDim), headDim);
        result.Clear();
        for (var p = 0; p < visible; p++)
            TensorPrimitives.MultiplyAdd(values.AsSpan((p * kvStride) + kvOff, headDim), scores[p], result, result);
    }
}
