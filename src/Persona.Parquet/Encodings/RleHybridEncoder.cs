namespace Persona.Parquet.Encodings;

/// <summary>
/// Writes the RLE / bit-packing hybrid (Encodings.md §RLE): runs of eight or more equal values as
/// RLE runs, everything else as bit-packed groups of eight, LSB first.
/// </summary>
internal static class RleHybridEncoder
{
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        var byteWidth = (bitWidth + 7) / 8;
        var i = 0;
        while (i < values.Length)
        {
            var run = RunLength(values, i, int.MaxValue);
            if (run >= 8)
            {
                output.AddVarint((ulong)run << 1);
                var v = values[i];
                for (var b = 0; b < byteWidth; b++)
                    output.Add((byte)(v >> (8 * b)));
                i += run;
                continue;
            }

            var start = i;
            var groups = 0;
            while (i < values.Length && groups < 63)
            {
                if (groups > 0 && RunLength(values, i, 8) >= 8)
                    break;
                i = Math.Min(i + 8, values.Length);
                groups++;
            }

            output.AddVarint(((ulong)groups << 1) | 1);
            Pack(values[start..i], groups * 8, bitWidth, output);
        }
    }

    /// <summary>Bit width needed for values up to <paramref name="maxValue"/>.</summary>
    public static int BitWidth(int maxValue) => maxValue <= 0 ? 0 : 32 - int.LeadingZeroCount(maxValue);

    private static int RunLength(ReadOnlySpan<int> values, int start, int limit)
    {
        var v = values[start];
        var end = start + 1;
        while (end < values.Length && values[end] == v && end - start < limit)
            end++;
        return end - start;
    }

    private static void Pack(ReadOnlySpan<int> values, int padded, int bitWidth, ByteBuffer output)
    {
        if (bitWidth == 0)
            return;
        var bytes = padded * bitWidth / 8;
        var span = output.GetSpan(bytes)[..bytes];
        span.Clear();
        ulong acc = 0;
        var bits = 0;
        var pos = 0;
        for (var i = 0; i < padded; i++)
        {
            var v = i < values.Length ? (uint)values[i] : 0u;
            acc |= (ulong)v << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                span[pos++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }

        output.Advance(bytes);
    }
}
