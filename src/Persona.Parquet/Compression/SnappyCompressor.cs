using System.Buffers.Binary;
using Persona.Parquet.Encodings;

namespace Persona.Parquet.Compression;

/// <summary>
/// Snappy raw block format compressor: varint uncompressed length, then literal and copy elements.
/// Matches are found with a hash table of 4-byte sequences over 64 KiB blocks, as the format's
/// description recommends; offsets therefore always fit a 2-byte copy.
/// </summary>
internal static class SnappyCompressor
{
    private const int BlockSize = 1 << 16;
    private const int HashBits = 14;

    public static void Compress(ReadOnlySpan<byte> input, ByteBuffer output)
    {
        output.AddVarint((ulong)input.Length);
        Span<ushort> table = stackalloc ushort[1 << HashBits];
        for (var blockStart = 0; blockStart < input.Length; blockStart += BlockSize)
        {
            var block = input.Slice(blockStart, Math.Min(BlockSize, input.Length - blockStart));
            CompressBlock(block, table, output);
        }
    }

    private static void CompressBlock(ReadOnlySpan<byte> block, Span<ushort> table, ByteBuffer output)
    {
        table.Clear();
        var literalStart = 0;
        var pos = 0;
        var limit = block.Length - 4;
        var skip = 32;
        while (pos < limit)
        {
            var current = BinaryPrimitives.ReadUInt32LittleEndian(block[pos..]);
            var hash = Hash(current);
            var candidate = table[hash];
            table[hash] = (ushort)pos;
            if (candidate < pos && BinaryPrimitives.ReadUInt32LittleEndian(block[candidate..]) == current)
            {
                EmitLiteral(block[literalStart..pos], output);
                var length = 4;
                while (pos + length < block.Length && block[candidate + length] == block[pos + length])
                    length++;
                EmitCopy(pos - candidate, length, output);
                pos += length;
                literalStart = pos;
                skip = 32;
                if (pos - 1 < limit && pos >= 1)
                    table[Hash(BinaryPrimitives.ReadUInt32LittleEndian(block[(pos - 1)..]))] = (ushort)(pos - 1);
            }
            else
            {
                // Step faster through incompressible data, as the reference implementation does.
                pos += skip++ >> 5;
            }
        }

        EmitLiteral(block[literalStart..], output);
    }

    private static int Hash(uint value) => (int)((value * 0x1E35A7BDu) >> (32 - HashBits));

    private static void EmitLiteral(ReadOnlySpan<byte> literal, ByteBuffer output)
    {
        if (literal.IsEmpty)
            return;
        var n = literal.Length - 1;
        if (n < 60)
        {
            output.Add((byte)(n << 2));
        }
        else if (n < 1 << 8)
        {
            output.Add(60 << 2);
            output.Add((byte)n);
        }
        else
        {
            output.Add(61 << 2);
            output.Add((byte)n);
            output.Add((byte)(n >> 8));
        }

        output.AddRange(literal);
    }

    private static void EmitCopy(int offset, int length, ByteBuffer output)
    {
        while (length >= 68)
        {
            EmitCopy2(offset, 64, output);
            length -= 64;
        }

        if (length > 64)
        {
            EmitCopy2(offset, 60, output);
            length -= 60;
        }

        if (length is >= 4 and < 12 && offset < 2048)
        {
            output.Add((byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5)));
            output.Add((byte)offset);
        }
        else
        {
            EmitCopy2(offset, length, output);
        }
    }

    private static void EmitCopy2(int offset, int length, ByteBuffer output)
    {
        output.Add((byte)(2 | ((length - 1) << 2)));
        output.Add((byte)offset);
        output.Add((byte)(offset >> 8));
    }
}
