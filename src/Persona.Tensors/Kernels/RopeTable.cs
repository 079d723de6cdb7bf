namespace Persona.Tensors.Kernels;

/// <summary>
/// Precomputed RoPE angles for one model: cos/sin of position·invFreq[i] for every position below
/// <see cref="MaxPositions"/> and every frequency i &lt; headDim/2, in f32 as llama2.c and HF compute them.
/// </summary>
public sealed class RopeTable
{
    private readonly float[] _cos;
    private readonly float[] _sin;

    public RopeTable(float[] inverseFrequencies, int maxPositions, RopeStyle style)
    {
        ArgumentNullException.ThrowIfNull(inverseFrequencies);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPositions);
        Style = style;
        MaxPositions = maxPositions;
        Half = inverseFrequencies.Length;
        _cos = new float[maxPositions * Half];
        _sin = new float[maxPositions * Half];
        for (var p = 0; p < maxPositions; p++)
        {
            for (var i = 0; i < Half; i++)
            {
                var angle = p * inverseFrequencies[i]; // f32 product, like both references
                _cos[(p * Half) + i] = MathF.Cos(angle);
                _sin[(p * Half) + i] = MathF.Sin(angle);
            }
        }
    }

    public RopeStyle Style { get; }

    public int MaxPositions { get; }

    /// <summary>headDim / 2: the number of rotated pairs per head.</summary>
    public int Half { get; }

    public ReadOnlySpan<float> Cos(int position) => _cos.AsSpan(position * Half, Half);

    public ReadOnlySpan<float> Sin(int position) => _sin.AsSpan(position * Half, Half);

    /// <summary>invFreq[i] = 1 / theta^(2i / headDim), optionally with Llama-3 frequency scaling.</summary>
    public static float[] InverseFrequencies(int headDim, float theta, Llama3RopeScaling? scaling)
    {
        var half = headDim / 2;
        var result = new float[half];
        for (var i = 0; i < half; i++)
            result[i] = 1.0f / MathF.Pow(theta, 2 * i / (float)headDim);
        if (scaling is not null)
            scaling.Apply(result);
        return result;
    }
}
