using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Persona.Parquet.Compression;

/// <summary>Snappy raw block format decoder with every length and offset checked.</summary>
internal static class SnappyDecompressor
{
    public static byte[] Decompress(ReadOnlySpan<byte> input, int expectedSize)
    {
        var pos = 0;
        ulong length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (pos >= input.Length || shift > 28)
                throw new InvalidDataException("bad snappy length preamble");
            var b = input[pos++];
            length |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                break;
        }

        if (length != (ulong)expectedSize)
            throw new InvalidDataException($"snappy preamble says {length} bytes, page header says {expectedSize}");
        var output = new byte[expectedSize];
        var o = 0;
        while (pos < input.Length)
        {
            var tag = input[pos++];
            int len;
            int offset;
            switch (tag & 3)
            {
                case 0:
                    len = tag >> 2;
                    if (len >= 60)
                    {
                        var extra = len - 59;
                        if (pos + extra > input.Length)
                            throw new InvalidDataException("snappy literal length truncated");
                        len = 0;
                        for (var i = 0; i < extra; i++)
                            len |= input[pos + i] << (8 * i);
                        pos += extra;
                        if (len < 0)
                            throw new InvalidDataException("snappy literal length overflow");
                    }

                    len++;
                    if (len > input.Length - pos || len > output.Length - o)
                        throw new InvalidDataException("snappy literal runs past the data");
                    if (len <= 16 && pos + 16 <= input.Length && o + 16 <= output.Length)
                    {
                        // Short literal: one fixed 16-byte move (the extra bytes are overwritten later).
                        Unsafe.WriteUnaligned(ref output[o], Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.AsRef(in input[pos])));
                    }
                    else
                    {
                        input.Slice(pos, len).CopyTo(output.AsSpan(o));
                    }

                    pos += len;
                    o += len;
                    continue;
                case 1:
                    if (pos >= input.Length)
                        throw new InvalidDataException("snappy copy truncated");
                    len = ((tag >> 2) & 7) + 4;
                    offset = ((tag >> 5) << 8) | input[pos++];
                    break;
                case 2:
                    if (pos + 2 > input.Length)
                        throw new InvalidDataException("snappy copy truncated");
                    len = (tag >> 2) + 1;
                    offset = input[pos] | (input[pos + 1] << 8);
                    pos += 2;
                    break;
                default:
                    if (pos + 4 > input.Length)
                        throw new InvalidDataException("snappy copy truncated");
                    len = (tag >> 2) + 1;
                    offset = input[pos] | (input[pos + 1] << 8) | (input[pos + 2] << 16) | (input[pos + 3] << 24);
                    pos += 4;
                    break;
            }

            if (offset <= 0 || offset > o || len > output.Length - o)
                throw new InvalidDataException($"snappy copy (offset {offset}, length {len}) outside the output");
            if (offset >= 16 && len <= 16 && o + 16 <= output.Length)
            {
                Unsafe.WriteUnaligned(ref output[o], Unsafe.ReadUnaligned<Vector128<byte>>(ref output[o - offset]));
                o += len;
            }
            else if (offset >= len)
            {
                output.AsSpan(o - offset, len).CopyTo(output.AsSpan(o));
                o += len;
            }
            else
            {
                for (var i = 0; i < len; i++)
                {
                    output[o] = output[o - offset];
                    o++;
                }
            }
        }

        if (o != output.Length)
            throw new InvalidDataException($"snappy data produced {o} of {output.Length} bytes");
        return output;
    }
}
