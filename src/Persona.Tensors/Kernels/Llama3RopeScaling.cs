namespace Persona.Tensors.Kernels;

/// <summary>
/// Llama-3.x <c>rope_scaling</c> ({"rope_type": "llama3", factor, low_freq_factor, high_freq_factor,
/// original_max_position_embeddings}): long wavelengths are divided by <see cref="Factor"/>, short ones kept,
/// and the band between is interpolated (transformers <c>_compute_llama3_parameters</c>).
/// </summary>
public sealed record Llama3RopeScaling(float Factor, float LowFrequencyFactor, float HighFrequencyFactor, int OriginalMaxPositions)
{
    internal void Apply(float[] inverseFrequencies)
    {
        var lowWavelength = OriginalMaxPositions / LowFrequencyFactor;
        var highWavelength = OriginalMaxPositions / HighFrequencyFactor;
        for (var i = 0; i < inverseFrequencies.Length; i++)
        {
            var inv = inverseFrequencies[i];
            var wavelength = 2 * MathF.PI / inv;
            if (wavelength > lowWavelength)
            {
                inverseFrequencies[i] = inv / Factor;
            }
            else if (wavelength >= highWavelength)
            {
                var smooth = ((OriginalMaxPositions / wavelength) - LowFrequencyFactor) / (HighFrequencyFactor - LowFrequencyFactor);
                inverseFrequencies[i] = ((1 - smooth) * inv / Factor) + (smooth * inv);
            }
        }
    }
}
