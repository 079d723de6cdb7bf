namespace Persona.Parquet.Compression;

/// <summary>A Zstandard Huffman decoding table for literals (RFC 8878 §4.2), indexed by the next <see cref="MaxBits"/> bits.</summary>
internal sealed class HuffmanTable
{
    private HuffmanTable(int maxBits, byte[] symbols, byte[] bits)
    {
        MaxBits = maxBits;
        Symbols = symbols;
        Bits = bits;
    }

    public int MaxBits { get; }

    public byte[] Symbols { get; }

    public byte[] Bits { get; }

    /// <summary>Reads a tree description; returns the table and the bytes it used.</summary>
    public static HuffmanTable Read(ReadOnlySpan<byte> data, out int consumed)
    {
        if (data.IsEmpty)
            throw new InvalidDataException("zstd Huffman tree description missing");
        var header = data[0];
        var weights = new List<byte>(256);
        if (header >= 128)
        {
            var count = header - 127;
            var bytes = (count + 1) / 2;
            if (1 + bytes > data.Length)
                throw new InvalidDataException("zstd Huffman weights truncated");
            for (var i = 0; i < count; i++)
            {
                var b = data[1 + (i / 2)];
                weights.Add((byte)(i % 2 == 0 ? b >> 4 : b & 0x0F));
            }

            consumed = 1 + bytes;
        }
        else
        {
            if (1 + header > data.Length || header == 0)
                throw new InvalidDataException("zstd Huffman weights truncated");
            var section = data.Slice(1, header);
            var table = FseTable.Read(section, 255, 6, out var used);
            var reader = new BackwardBitReader(section[used..]);
            var s1 = (int)reader.Read(table.AccuracyLog);
            var s2 = (int)reader.Read(table.AccuracyLog);
            while (weights.Count < 255)
            {
                weights.Add(table.Symbols[s1]);
                s1 = table.Baselines[s1] + (int)reader.Read(table.Bits[s1]);
                if (reader.Overflowed)
                {
                    weights.Add(table.Symbols[s2]);
                    break;
                }

                weights.Add(table.Symbols[s2]);
                s2 = table.Baselines[s2] + (int)reader.Read(table.Bits[s2]);
                if (reader.Overflowed)
                {
                    weights.Add(table.Symbols[s1]);
                    break;
                }
            }

            consumed = 1 + header;
        }

        return Build(weights);
    }

    private static HuffmanTable Build(List<byte> weights)
    {
        long total = 0;
        foreach (var w in weights)
        {
            if (w > 11)
                throw new InvalidDataException($"zstd Huffman weight {w} too large");
            if (w > 0)
                total += 1L << (w - 1);
        }

        if (total == 0 || weights.Count > 255)
            throw new InvalidDataException("zstd Huffman weights are empty or too many");
        var maxBits = 64 - (int)ulong.LeadingZeroCount((ulong)total);
        var rest = (1L << maxBits) - total;
        if (rest <= 0 || (rest & (rest - 1)) != 0 || maxBits > 11)
            throw new InvalidDataException("zstd Huffman weights do not form a complete tree");
        weights.Add((byte)(64 - (int)ulong.LeadingZeroCount((ulong)rest)));

        var size = 1 << maxBits;
        var symbols = new byte[size];
        var bits = new byte[size];
        var rankStart = new int[maxBits + 2];
        var rankCount = new int[maxBits + 2];
        foreach (var w in weights)
            rankCount[w]++;
        var next = 0;
        for (var w = 1; w <= maxBits; w++)
        {
            rankStart[w] = next;
            next += rankCount[w] << (w - 1);
        }

        if (next != size)
            throw new InvalidDataException("zstd Huffman table is inconsistent");
        for (var s = 0; s < weights.Count; s++)
        {
            var w = weights[s];
            if (w == 0)
                continue;
            var length = 1 << (w - 1);
            var start = rankStart[w];
            symbols.AsSpan(start, length).Fill((byte)s);
            bits.AsSpan(start, length).Fill((byte)(maxBits + 1 - w));
            rankStart[w] += length;
        }

        return new HuffmanTable(maxBits, symbols, bits);
    }
}
