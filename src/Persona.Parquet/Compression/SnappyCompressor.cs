using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        ref var b = ref MemoryMarshal.GetReference(block);
        var literalStart = 0;
        var pos = 1;
        var limit = block.Length - 8; // leaves room for 8-byte loads while matching
        var skip = 32;
        while (pos < limit)
        {
            var current = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, pos));
            var hash = Hash(current);
            var candidate = table[hash];
            table[hash] = (ushort)pos;
            if (candidate >= pos || Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, candidate)) != current)
            {
                // Step faster through incompressible data, as the reference implementation does.
                pos += skip++ >> 5;
                continue;
            }

            EmitLiteral(block[literalStart..pos], output);
            var length = 4 + MatchLength(ref b, candidate + 4, pos + 4, block.Length);
            EmitCopy(pos - candidate, length, output);
            pos += length;
            literalStart = pos;
            skip = 32;
            if (pos < limit)
                table[Hash(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, pos - 1)))] = (ushort)(pos - 1);
        }

        EmitLiteral(block[literalStart..], output);
    }

    /// <summary>Length of the common run at <paramref name="a"/> and <paramref name="c"/> (a &lt; c), eight bytes at a time.</summary>
    private static int MatchLength(ref byte b, int a, int c, int end)
    {
        var start = c;
        while (c + 8 <= end)
        {
            var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, a)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, c));
            if (x != 0)
                return c - start + (BitOperations.TrailingZeroCount(x) >> 3);
            a += 8;
            c += 8;
        }

        while (c < end && Unsafe.Add(ref b, a) == Unsafe.Add(ref b, c))
        {
            a++;
            c++;
        }

        return c - start;
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
