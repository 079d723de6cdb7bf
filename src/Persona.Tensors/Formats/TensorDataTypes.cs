using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Persona.Tensors.Formats;

/// <summary>Sizes and f32 conversion of each <see cref="TensorDataType"/>.</summary>
internal static unsafe class TensorDataTypes
{
    /// <summary>Bytes that <paramref name="count"/> elements occupy, or -1 when count is not a whole number of blocks.</summary>
    public static long ByteCount(TensorDataType type, long count) => type switch
    {
        TensorDataType.F32 => count * 4,
        TensorDataType.F16 or TensorDataType.BF16 => count * 2,
        TensorDataType.Q8Zero => count % 32 == 0 ? count / 32 * 34 : -1,
        TensorDataType.Q4Zero => count % 32 == 0 ? count / 32 * 18 : -1,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static void ToSingle(TensorDataType type, byte* source, float[] destination)
    {
        var count = destination.Length;
        switch (type)
        {
            case TensorDataType.F32:
                new ReadOnlySpan<float>(source, count).CopyTo(destination);
                break;
            case TensorDataType.F16:
                TensorPrimitives.ConvertToSingle(new ReadOnlySpan<Half>(source, count), destination);
                break;
            case TensorDataType.BF16:
                var bf = new ReadOnlySpan<ushort>(source, count);
                var bits = MemoryMarshal.Cast<float, uint>(destination.AsSpan());
                for (var i = 0; i < count; i++)
                    bits[i] = (uint)bf[i] << 16; // bf16 is the top half of an f32
                break;
            case TensorDataType.Q8Zero:
                for (var b = 0; b < count / 32; b++)
                {
                    var block = source + (b * 34L);
                    var scale = (float)*(Half*)block;
                    var qs = (sbyte*)(block + 2);
                    for (var j = 0; j < 32; j++)
                        destination[(b * 32) + j] = qs[j] * scale;
                }

                break;
            case TensorDataType.Q4Zero:
                for (var b = 0; b < count / 32; b++)
                {
                    var block = source + (b * 18L);
                    var scale = (float)*(Half*)block;
                    var qs = block + 2;
                    for (var j = 0; j < 16; j++)
                    {
                        destination[(b * 32) + j] = ((qs[j] & 0xF) - 8) * scale;
                        destination[(b * 32) + j + 16] = ((qs[j] >> 4) - 8) * scale;
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }
}
