namespace Persona.Parquet.Encodings;

/// <summary>
/// Reads the RLE / bit-packing hybrid. Stops after <c>output.Length</c> values; running out of input
/// first is a format error at the offset where the data ended.
/// </summary>
internal static class RleHybridDecoder
{
    public static void Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> output, long fileOffset, string column)
    {
        if (bitWidth is < 0 or > 32)
            throw new ParquetFormatException($"invalid bit width {bitWidth}", fileOffset, column);
        var pos = 0;
        var written = 0;
        var byteWidth = (bitWidth + 7) / 8;
        while (written < output.Length)
        {
            if (pos >= data.Length)
                throw new ParquetFormatException($"RLE/bit-packed data ended after {written} of {output.Length} values", fileOffset + pos, column);
            var header = ReadVarint(data, ref pos, fileOffset, column);
            if ((header & 1) == 0)
            {
                var count = header >> 1;
                if (pos + byteWidth > data.Length)
                    throw new ParquetFormatException("RLE run value truncated", fileOffset + pos, column);
                var value = 0;
                for (var b = 0; b < byteWidth; b++)
                    value |= data[pos + b] << (8 * b);
                pos += byteWidth;
                if (bitWidth < 32 && (uint)value >= 1u << bitWidth)
                    throw new ParquetFormatException($"RLE run value {value} wider than {bitWidth} bits", fileOffset + pos, column);
                var n = (int)Math.Min(count, (ulong)(output.Length - written));
                output.Slice(written, n).Fill(value);
                written += n;
            }
            else
            {
                var groups = Math.Min(header >> 1, (ulong)int.MaxValue);
                var bytesNeeded = groups * (ulong)bitWidth;
                var available = (ulong)(data.Length - pos);
                var values = (int)Math.Min(groups * 8, (ulong)(output.Length - written));
                if (bytesNeeded > available && ((ulong)values * (ulong)bitWidth + 7) / 8 > available)
                    throw new ParquetFormatException("bit-packed run truncated", fileOffset + pos, column);
                Unpack(data[pos..], bitWidth, output.Slice(written, values));
                written += values;
                pos += (int)Math.Min(bytesNeeded, available);
            }
        }
    }

    private static void Unpack(ReadOnlySpan<byte> data, int bitWidth, Span<int> output)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        var mask = bitWidth == 32 ? ulong.MaxValue >> 32 : (1UL << bitWidth) - 1;
        ulong acc = 0;
        var bits = 0;
        var pos = 0;
        for (var i = 0; i < output.Length; i++)
        {
            while (bits < bitWidth)
            {
                acc |= (ulong)(pos < data.Length ? data[pos] : 0) << bits;
                pos++;
                bits += 8;
            }

            output[i] = (int)(uint)(acc & mask);
            acc >>= bitWidth;
            bits -= bitWidth;
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int pos, long fileOffset, string column)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
                throw new ParquetFormatException("RLE run header truncated", fileOffset + pos, column);
            var b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return result;
        }

        throw new ParquetFormatException("RLE run header longer than 10 bytes", fileOffset + pos, column);
    }
}
