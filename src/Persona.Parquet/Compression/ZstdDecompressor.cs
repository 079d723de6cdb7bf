using System.Buffers.Binary;

namespace Persona.Parquet.Compression;

/// <summary>
/// Zstandard decoder (RFC 8878): frames (skippable frames skipped, dictionaries not supported),
/// raw/RLE/compressed blocks, Huffman-coded literals (1 or 4 streams, tree reuse), FSE-coded
/// sequences (predefined, RLE, compressed and repeated tables) and repeat offsets. The output never
/// grows beyond the size the page header declares.
/// </summary>
internal static partial class ZstdDecompressor
{
    private const uint FrameMagic = 0xFD2FB528;
    private const int MaxBlockSize = 128 * 1024;

    public static byte[] Decompress(ReadOnlySpan<byte> input, int expectedSize)
    {
        var output = new byte[expectedSize];
        var o = 0;
        var pos = 0;
        while (pos < input.Length)
        {
            if (input.Length - pos < 4)
                throw new InvalidDataException("zstd data ends inside a frame magic number");
            var magic = BinaryPrimitives.ReadUInt32LittleEndian(input[pos..]);
            if ((magic & 0xFFFFFFF0) == 0x184D2A50)
            {
                if (input.Length - pos < 8)
                    throw new InvalidDataException("zstd skippable frame truncated");
                var skip = BinaryPrimitives.ReadUInt32LittleEndian(input[(pos + 4)..]);
                if (skip > (uint)(input.Length - pos - 8))
                    throw new InvalidDataException("zstd skippable frame runs past the data");
                pos += 8 + (int)skip;
                continue;
            }

            if (magic != FrameMagic)
                throw new InvalidDataException($"bad zstd frame magic 0x{magic:X8}");
            pos += 4;
            pos = DecodeFrame(input, pos, output, ref o);
        }

        return o == output.Length ? output : output[..o];
    }

    private static int DecodeFrame(ReadOnlySpan<byte> input, int pos, byte[] output, ref int o)
    {
        var descriptor = Byte(input, pos++);
        var sizeFlag = descriptor >> 6;
        var singleSegment = (descriptor & 0x20) != 0;
        var checksum = (descriptor & 0x04) != 0;
        var dictionaryFlag = descriptor & 3;
        if ((descriptor & 0x08) != 0)
            throw new InvalidDataException("zstd frame header reserved bit set");
        if (!singleSegment)
            pos++; // window descriptor: the whole page is decoded into one buffer, so the window is not needed
        var dictionaryBytes = dictionaryFlag switch { 0 => 0, 1 => 1, 2 => 2, _ => 4 };
        for (var i = 0; i < dictionaryBytes; i++)
        {
            if (Byte(input, pos + i) != 0)
                throw new InvalidDataException("zstd frames that need a dictionary are not supported");
        }

        pos += dictionaryBytes;
        pos += sizeFlag switch { 0 => singleSegment ? 1 : 0, 1 => 2, 2 => 4, _ => 8 };
        if (pos > input.Length)
            throw new InvalidDataException("zstd frame header truncated");

        var state = new ZstdFrameState();
        var frameStart = o;
        while (true)
        {
            if (input.Length - pos < 3)
                throw new InvalidDataException("zstd block header truncated");
            var header = input[pos] | (input[pos + 1] << 8) | (input[pos + 2] << 16);
            pos += 3;
            var last = (header & 1) != 0;
            var type = (header >> 1) & 3;
            var size = header >> 3;
            if (size > MaxBlockSize)
                throw new InvalidDataException($"zstd block of {size} bytes exceeds the maximum");
            switch (type)
            {
                case 0:
                    if (size > input.Length - pos || size > output.Length - o)
                        throw new InvalidDataException("zstd raw block runs past the data or the declared size");
                    input.Slice(pos, size).CopyTo(output.AsSpan(o));
                    o += size;
                    pos += size;
                    break;
                case 1:
                    if (pos >= input.Length || size > output.Length - o)
                        throw new InvalidDataException("zstd RLE block runs past the data or the declared size");
                    output.AsSpan(o, size).Fill(input[pos]);
                    o += size;
                    pos++;
                    break;
                case 2:
                    if (size > input.Length - pos)
                        throw new InvalidDataException("zstd compressed block runs past the data");
                    o = DecodeCompressedBlock(input.Slice(pos, size), output, o, frameStart, state);
                    pos += size;
                    break;
                default:
                    throw new InvalidDataException("zstd reserved block type");
            }

            if (last)
                break;
        }

        if (checksum)
        {
            if (input.Length - pos < 4)
                throw new InvalidDataException("zstd frame checksum truncated");
            pos += 4;
        }

        return pos;
    }

    private static byte Byte(ReadOnlySpan<byte> input, int pos) =>
        pos < input.Length ? input[pos] : throw new InvalidDataException("zstd frame header truncated");
}
