namespace Persona.Tensors.Formats;

/// <summary>Element encodings the loaders convert to f32.</summary>
public enum TensorDataType
{
    F32,
    F16,
    BF16,

    /// <summary>GGML Q8_0: blocks of 32 int8 with one f16 scale (34 bytes).</summary>
    Q8Zero,

    /// <summary>GGML Q4_0: blocks of 32 4-bit values with one f16 scale (18 bytes).</summary>
    Q4Zero,
}
