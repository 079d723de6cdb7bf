namespace Persona.Parquet.Compression;

/// <summary>Compressed blocks: literals section, then sequences executed against the output.</summary>
internal static partial class ZstdDecompressor
{
    private static readonly short[] LiteralLengthDefault = [4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1];
    private static readonly short[] MatchLengthDefault = [1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1];
    private static readonly short[] OffsetDefault = [1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1];
    private static readonly int[] LiteralLengthBase = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];
    private static readonly byte[] LiteralLengthBits = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    private static readonly int[] MatchLengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051, 4099, 8195, 16387, 32771, 65539];
    private static readonly byte[] MatchLengthBits = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
    private static readonly FseTable LiteralLengthTable = FseTable.Build(LiteralLengthDefault, 6);
    private static readonly FseTable MatchLengthTable = FseTable.Build(MatchLengthDefault, 6);
    private static readonly FseTable OffsetTable = FseTable.Build(OffsetDefault, 5);

    private static int DecodeCompressedBlock(ReadOnlySpan<byte> block, byte[] output, int o, int frameStart, ZstdFrameState state)
    {
        var literalCount = DecodeLiterals(block, state, out var pos);
        var literals = state.Literals.AsSpan(0, literalCount);
        if (pos >= block.Length)
            throw new InvalidDataException("zstd block lacks its sequences section");
        int sequences = block[pos++];
        if (sequences >= 128)
        {
            if (sequences < 255)
            {
                sequences = ((sequences - 128) << 8) + Byte(block, pos++);
            }
            else
            {
                sequences = Byte(block, pos) + (Byte(block, pos + 1) << 8) + 0x7F00;
                pos += 2;
            }
        }

        var lit = 0;
        if (sequences > 0)
        {
            var modes = Byte(block, pos++);
            if ((modes & 3) != 0)
                throw new InvalidDataException("zstd sequence modes reserved bits set");
            state.LiteralLengths = ReadTable(block, ref pos, modes >> 6, 35, 9, LiteralLengthTable, state.LiteralLengths);
            state.Offsets = ReadTable(block, ref pos, (modes >> 4) & 3, 31, 8, OffsetTable, state.Offsets);
            state.MatchLengths = ReadTable(block, ref pos, (modes >> 2) & 3, 52, 9, MatchLengthTable, state.MatchLengths);
            o = ExecuteSequences(block[pos..], sequences, literals, ref lit, output, o, frameStart, state);
        }
        else if (pos != block.Length)
        {
            throw new InvalidDataException("zstd block has bytes after an empty sequences section");
        }

        var rest = literals.Length - lit;
        if (rest > output.Length - o)
            throw new InvalidDataException("zstd literals exceed the declared size");
        literals[lit..].CopyTo(output.AsSpan(o));
        return o + rest;
    }

    private static FseTable ReadTable(ReadOnlySpan<byte> block, ref int pos, int mode, int maxSymbol, int maxLog, FseTable predefined, FseTable? previous)
    {
        switch (mode)
        {
            case 0:
                return predefined;
            case 1:
                var symbol = Byte(block, pos++);
                if (symbol > maxSymbol)
                    throw new InvalidDataException("zstd RLE sequence symbol out of range");
                return FseTable.Rle(symbol);
            case 2:
                if (pos >= block.Length)
                    throw new InvalidDataException("zstd FSE table truncated");
                var table = FseTable.Read(block[pos..], maxSymbol, maxLog, out var used);
                pos += used;
                return table;
            default:
                return previous ?? throw new InvalidDataException("zstd repeat table mode without a previous table");
        }
    }

    private static int ExecuteSequences(ReadOnlySpan<byte> stream, int count, Span<byte> literals, ref int lit, byte[] output, int o, int frameStart, ZstdFrameState state)
    {
        var ll = state.LiteralLengths!;
        var of = state.Offsets!;
        var ml = state.MatchLengths!;
        var reps = state.RepeatOffsets;
        var reader = new BackwardBitReader(stream);
        var llState = (int)reader.Read(ll.AccuracyLog);
        var ofState = (int)reader.Read(of.AccuracyLog);
        var mlState = (int)reader.Read(ml.AccuracyLog);
        for (var i = 0; i < count; i++)
        {
            var ofCode = of.Symbols[ofState];
            var llCode = ll.Symbols[llState];
            var mlCode = ml.Symbols[mlState];
            if (ofCode > 31 || llCode > 35 || mlCode > 52)
                throw new InvalidDataException("zstd sequence code out of range");
            var offsetValue = (1L << ofCode) + (long)reader.Read(ofCode);
            var matchLength = MatchLengthBase[mlCode] + (int)reader.Read(MatchLengthBits[mlCode]);
            var literalLength = LiteralLengthBase[llCode] + (int)reader.Read(LiteralLengthBits[llCode]);
            long offset;
            if (offsetValue > 3)
            {
                offset = offsetValue - 3;
                reps[2] = reps[1];
                reps[1] = reps[0];
                reps[0] = (int)Math.Min(offset, int.MaxValue);
            }
            else
            {
                var index = (int)offsetValue + (literalLength == 0 ? 1 : 0);
                switch (index)
                {
                    case 1:
                        offset = reps[0];
                        break;
                    case 2:
                        offset = reps[1];
                        reps[1] = reps[0];
                        reps[0] = (int)offset;
                        break;
                    case 3:
                        offset = reps[2];
                        reps[2] = reps[1];
                        reps[1] = reps[0];
                        reps[0] = (int)offset;
                        break;
                    default:
                        offset = reps[0] - 1L;
                        if (offset <= 0)
                            throw new InvalidDataException("zstd repeat offset became zero");
                        reps[2] = reps[1];
                        reps[1] = reps[0];
                        reps[0] = (int)offset;
                        break;
                }
            }

            if (literalLength > literals.Length - lit || literalLength > output.Length - o)
                throw new InvalidDataException("zstd sequence literals run past the block or the declared size");
            literals.Slice(lit, literalLength).CopyTo(output.AsSpan(o));
            lit += literalLength;
            o += literalLength;
            if (offset > o - frameStart)
                throw new InvalidDataException($"zstd match offset {offset} reaches before the frame start");
            if (matchLength > output.Length - o)
                throw new InvalidDataException("zstd match runs past the declared size");
            var from = o - (int)offset;
            if (offset >= matchLength)
            {
                output.AsSpan(from, matchLength).CopyTo(output.AsSpan(o));
                o += matchLength;
            }
            else
            {
                for (var k = 0; k < matchLength; k++)
                    output[o++] = output[from + k];
            }

            if (i + 1 < count)
            {
                llState = ll.Baselines[llState] + (int)reader.Read(ll.Bits[llState]);
                mlState = ml.Baselines[mlState] + (int)reader.Read(ml.Bits[mlState]);
                ofState = of.Baselines[ofState] + (int)reader.Read(of.Bits[ofState]);
            }

            if (reader.Overflowed)
                throw new InvalidDataException("zstd sequence bitstream overrun");
        }

        return o;
    }
}
