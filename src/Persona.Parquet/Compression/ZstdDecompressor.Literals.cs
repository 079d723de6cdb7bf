namespace Persona.Parquet.Compression;

/// <summary>The literals section of a compressed block: raw, RLE or Huffman-coded.</summary>
internal static partial class ZstdDecompressor
{
    private static int DecodeLiterals(ReadOnlySpan<byte> block, ZstdFrameState state, out int pos)
    {
        var b0 = Byte(block, 0);
        var type = b0 & 3;
        var sizeFormat = (b0 >> 2) & 3;
        int regenerated;
        if (type is 0 or 1)
        {
            switch (sizeFormat)
            {
                case 0 or 2:
                    regenerated = b0 >> 3;
                    pos = 1;
                    break;
                case 1:
                    regenerated = (b0 >> 4) + (Byte(block, 1) << 4);
                    pos = 2;
                    break;
                default:
                    regenerated = (b0 >> 4) + (Byte(block, 1) << 4) + (Byte(block, 2) << 12);
                    pos = 3;
                    break;
            }

            if (regenerated > state.Literals.Length)
                throw new InvalidDataException("zstd literals section too large");
            if (type == 0)
            {
                if (regenerated > block.Length - pos)
                    throw new InvalidDataException("zstd raw literals truncated");
                block.Slice(pos, regenerated).CopyTo(state.Literals);
                pos += regenerated;
            }
            else
            {
                state.Literals.AsSpan(0, regenerated).Fill(Byte(block, pos));
                pos++;
            }

            return regenerated;
        }

        int compressed;
        var streams = sizeFormat == 0 ? 1 : 4;
        switch (sizeFormat)
        {
            case 0 or 1:
            {
                var h = b0 | (Byte(block, 1) << 8) | (Byte(block, 2) << 16);
                regenerated = (h >> 4) & 0x3FF;
                compressed = (h >> 14) & 0x3FF;
                pos = 3;
                break;
            }

            case 2:
            {
                var h = b0 | (Byte(block, 1) << 8) | (Byte(block, 2) << 16) | (Byte(block, 3) << 24);
                regenerated = (h >> 4) & 0x3FFF;
                compressed = (int)((uint)h >> 18);
                pos = 4;
                break;
            }

            default:
            {
                var h = b0 | ((long)Byte(block, 1) << 8) | ((long)Byte(block, 2) << 16) | ((long)Byte(block, 3) << 24) | ((long)Byte(block, 4) << 32);
                regenerated = (int)((h >> 4) & 0x3FFFF);
                compressed = (int)((h >> 22) & 0x3FFFF);
                pos = 5;
                break;
            }
        }

        if (regenerated > state.Literals.Length || compressed > block.Length - pos)
            throw new InvalidDataException("zstd Huffman literals section runs past the block");
        var section = block.Slice(pos, compressed);
        pos += compressed;
        var start = 0;
        if (type == 2)
        {
            state.Huffman = HuffmanTable.Read(section, out start);
        }
        else if (state.Huffman is null)
        {
            throw new InvalidDataException("zstd treeless literals without a previous Huffman table");
        }

        DecodeHuffmanStreams(section[start..], streams, state.Huffman!, state.Literals.AsSpan(0, regenerated));
        return regenerated;
    }

    private static void DecodeHuffmanStreams(ReadOnlySpan<byte> data, int streams, HuffmanTable table, Span<byte> output)
    {
        if (streams == 1)
        {
            DecodeHuffmanStream(data, table, output);
            return;
        }

        if (data.Length < 6)
            throw new InvalidDataException("zstd Huffman jump table truncated");
        var s1 = data[0] | (data[1] << 8);
        var s2 = data[2] | (data[3] << 8);
        var s3 = data[4] | (data[5] << 8);
        var rest = data[6..];
        if ((long)s1 + s2 + s3 > rest.Length)
            throw new InvalidDataException("zstd Huffman streams run past the section");
        var segment = (output.Length + 3) / 4;
        if (3 * segment > output.Length)
            throw new InvalidDataException("zstd Huffman literals too short for four streams");
        DecodeHuffmanStream(rest[..s1], table, output[..segment]);
        DecodeHuffmanStream(rest.Slice(s1, s2), table, output.Slice(segment, segment));
        DecodeHuffmanStream(rest.Slice(s1 + s2, s3), table, output.Slice(2 * segment, segment));
        DecodeHuffmanStream(rest[(s1 + s2 + s3)..], table, output[(3 * segment)..]);
    }

    private static void DecodeHuffmanStream(ReadOnlySpan<byte> data, HuffmanTable table, Span<byte> output)
    {
        var reader = new BackwardBitReader(data);
        var maxBits = table.MaxBits;
        for (var i = 0; i < output.Length; i++)
        {
            var index = (int)reader.Peek(maxBits);
            output[i] = table.Symbols[index];
            reader.Skip(table.Bits[index]);
            if (reader.Overflowed)
                throw new InvalidDataException("zstd Huffman stream overrun");
        }

        if (reader.Remaining != 0)
            throw new InvalidDataException("zstd Huffman stream has unused bits");
    }
}
