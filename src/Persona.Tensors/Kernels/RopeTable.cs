namespace Persona.Tensors.Kernels;

/// <summary>
/// RoPE frequencies of one model. The angle of pair i at position p is p·invFreq[i], computed in f32 as
/// llama2.c and HF do; cos/sin are evaluated per row when needed, so no table grows with the context length.
/// </summary>
public sealed class RopeTable
{
    private readonly float[] _inverseFrequencies;

    public RopeTable(float[] inverseFrequencies, RopeStyle style)
    {
        ArgumentNullException.ThrowIfNull(inverseFrequencies);
        _inverseFrequencies = (float[])inverseFrequencies.Clone();
        Style = style;
    }

    public RopeStyle Style { get; }

    /// <summary>headDim / 2: the number of rotated pairs per head.</summary>
    public int Half => _inverseFrequencies.Length;

    /// <summary>Writes cos and sin of every pair's angle at <paramref name="position"/>.</summary>
    public void Angles(int position, Span<float> cos, Span<float> sin)
    {
        for (var i = 0; i < _inverseFrequencies.Length; i++)
        {
            var angle = position * _inverseFrequencies[i]; // f32 product, like both references
            cos[i] = MathF.Cos(angle);
            sin[i] = MathF.Sin(angle);
        }
    }

    /// <summary>invFreq[i] = 1 / theta^(2i / headDim), optionally with Llama-3 frequency scaling.</summary>
    public static float[] InverseFrequencies(int headDim, float theta, Llama3RopeScaling? scaling)
    {
        var half = headDim / 2;
        var result = new float[half];
        for (var i = 0; i < half; i++)
            result[i] = 1.0f / MathF.Pow(theta, 2 * i / (float)headDim);
        scaling?.Apply(result);
        return result;
    }
}
