namespace Persona.Tensors.Kernels;

/// <summary>
/// Slow, obviously-correct kernels: one scalar loop per formula, f32 accumulation in index order
/// (the order llama2.c's run.c uses). The yardstick the fast kernels are checked against.
/// </summary>
public sealed class ReferenceKernels : IKernels
{
    public static ReferenceKernels Instance { get; } = new();

    public void MatMul(float[] x, float[] w, float[]? bias, float[] y, int t, int k, int n)
    {
        // (t, k) · (n, k)ᵀ -> (t, n)
        for (var r = 0; r < t; r++)
        {
            for (var o = 0; o < n; o++)
            {
                var sum = 0f;
                for (var i = 0; i < k; i++)
                    sum += w[(o * k) + i] * x[(r * k) + i];
                y[(r * n) + o] = bias is null ? sum : sum + bias[o];
            }
        }
    }

    public void RmsNorm(float[] x, float[] w, float eps, float[] y, int t, int d)
    {
        // (t, d) -> (t, d)
        for (var r = 0; r < t; r++)
        {
            var ss = 0f;
            for (var i = 0; i < d; i++)
                ss += x[(r * d) + i] * x[(r * d) + i];
            var scale = 1f / MathF.Sqrt((ss / d) + eps);
            for (var i = 0; i < d; i++)
                y[(r * d) + i] = w[i] * (scale * x[(r * d) + i]);
        }
    }

    public void Rope(float[] x, int t, int heads, int headDim, ReadOnlySpan<int> positions, RopeTable table)
    {
        // (t, heads·headDim) rotated in place
        ArgumentNullException.ThrowIfNull(table);
        var half = headDim / 2;
        var cos = new float[half];
        var sin = new float[half];
        for (var r = 0; r < t; r++)
        {
            table.Angles(positions[r], cos, sin);
            for (var h = 0; h < heads; h++)
            {
                var head = (r * heads * headDim) + (h * headDim);
                for (var i = 0; i < half; i++)
                {
                    var (a, b) = table.Style == RopeStyle.Interleaved ? (head + (2 * i), head + (2 * i) + 1) : (head + i, head + i + half);
                    var x0 = x[a];
                    var x1 = x[b];
                    x[a] = (x0 * cos[i]) - (x1 * sin[i]);
                    x[b] = (x0 * sin[i]) + (x1 * cos[i]);
                }
            }
        }
    }

    public void Attention(float[] q, float[] keys, float[] values, float[] output, int t, int start, int heads, int kvHeads, int headDim)
    {
        var group = heads / kvHeads;
        var kvStride = kvHeads * headDim;
        var scale = 1f / MathF.Sqrt(headDim);
        var scores = new float[start + t];
        for (var r = 0; r < t; r++)
        {
            var visible = start + r + 1; // causal: positions 0..start+r
            for (var h = 0; h < heads; h++)
            {
                var qOff = (r * heads * headDim) + (h * headDim);
                var kvOff = h / group * headDim;
                for (var p = 0; p < visible; p++)
                {
                    var dot = 0f;
                    for (var i = 0; i < headDim; i++)
                        dot += q[qOff + i] * keys[(p * kvStride) + kvOff + i];
                    scores[p] = dot * scale;
                }

                var max = scores[0];
                for (var p = 1; p < visible; p++)
                    max = MathF.Max(max, scores[p]);
                var sum = 0f;
                for (var p = 0; p < visible; p++)
                {
                    scores[p] = MathF.Exp(scores[p] - max);
                    sum += scores[p];
                }

                for (var i = 0; i < headDim; i++)
                    output[qOff + i] = 0f;
                for (var p = 0; p < visible; p++)
                {
                    var weight = scores[p] / sum;
                    for (var i = 0; i < headDim; i++)
                        output[qOff + i] += weight * values[(p * kvStride) + kvOff + i];
                }
            }
        }
    }

    public void SwiGlu(float[] gate, float[] up, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var g = gate[i];
            gate[i] = g * (1f / (1f + MathF.Exp(-g))) * up[i];
        }
    }
}
