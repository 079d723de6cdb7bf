namespace Persona.Parquet.Compression;

/// <summary>A Zstandard FSE decoding table (RFC 8878 §4.1): symbol, bits to read and baseline per state.</summary>
internal sealed class FseTable
{
    private FseTable(int accuracyLog, byte[] symbols, byte[] bits, ushort[] baselines)
    {
        AccuracyLog = accuracyLog;
        Symbols = symbols;
        Bits = bits;
        Baselines = baselines;
    }

    public int AccuracyLog { get; }

    public byte[] Symbols { get; }

    public byte[] Bits { get; }

    public ushort[] Baselines { get; }

    public static FseTable Rle(byte symbol) => new(0, [symbol], [0], [0]);

    /// <summary>Reads a table description; returns the table and the bytes it used.</summary>
    public static FseTable Read(ReadOnlySpan<byte> data, int maxSymbol, int maxAccuracyLog, out int consumed)
    {
        if (data.IsEmpty)
            throw new InvalidDataException("zstd FSE table description missing");
        var accuracyLog = (data[0] & 0x0F) + 5;
        if (accuracyLog > maxAccuracyLog)
            throw new InvalidDataException($"zstd FSE accuracy log {accuracyLog} exceeds {maxAccuracyLog}");
        long bitPos = 4;
        var remaining = (1 << accuracyLog) + 1;
        var threshold = 1 << accuracyLog;
        var nbBits = accuracyLog + 1;
        var probabilities = new short[maxSymbol + 1];
        var symbol = 0;
        while (remaining > 1)
        {
            if (symbol > maxSymbol)
                throw new InvalidDataException("zstd FSE table has too many symbols");
            var bits = (int)ReadForward(data, bitPos, nbBits);
            var max = (2 * threshold) - 1 - remaining;
            int value;
            if ((bits & (threshold - 1)) < max)
            {
                value = bits & (threshold - 1);
                bitPos += nbBits - 1;
            }
            else
            {
                value = bits & ((2 * threshold) - 1);
                if (value >= threshold)
                    value -= max;
                bitPos += nbBits;
            }

            var probability = value - 1;
            remaining -= probability < 0 ? -probability : probability;
            probabilities[symbol++] = (short)probability;
            if (probability == 0)
            {
                while (true)
                {
                    var repeat = (int)ReadForward(data, bitPos, 2);
                    bitPos += 2;
                    symbol += repeat;
                    if (repeat != 3)
                        break;
                }
            }

            while (remaining < threshold && threshold > 1)
            {
                nbBits--;
                threshold >>= 1;
            }

            if ((bitPos + 7) / 8 > data.Length)
                throw new InvalidDataException("zstd FSE table description truncated");
        }

        if (remaining != 1 || symbol > maxSymbol + 1)
            throw new InvalidDataException("zstd FSE table probabilities do not add up");
        consumed = (int)((bitPos + 7) / 8);
        return Build(probabilities.AsSpan(0, Math.Min(symbol, maxSymbol + 1)), accuracyLog);
    }

    public static FseTable Build(ReadOnlySpan<short> probabilities, int accuracyLog)
    {
        var size = 1 << accuracyLog;
        var symbols = new byte[size];
        var bits = new byte[size];
        var baselines = new ushort[size];
        var next = new int[probabilities.Length];
        var high = size - 1;
        for (var s = 0; s < probabilities.Length; s++)
        {
            if (probabilities[s] == -1)
            {
                symbols[high--] = (byte)s;
                next[s] = 1;
            }
            else
            {
                next[s] = probabilities[s];
            }
        }

        var position = 0;
        var step = (size >> 1) + (size >> 3) + 3;
        var mask = size - 1;
        for (var s = 0; s < probabilities.Length; s++)
        {
            for (var i = 0; i < probabilities[s]; i++)
            {
                symbols[position] = (byte)s;
                do
                {
                    position = (position + step) & mask;
                }
                while (position > high);
            }
        }

        if (position != 0)
            throw new InvalidDataException("zstd FSE table spread is inconsistent");
        for (var state = 0; state < size; state++)
        {
            var s = symbols[state];
            var nextState = next[s]++;
            if (nextState <= 0)
                throw new InvalidDataException("zstd FSE table is inconsistent");
            var n = accuracyLog - (31 - int.LeadingZeroCount(nextState));
            bits[state] = (byte)n;
            baselines[state] = (ushort)((nextState << n) - size);
        }

        return new FseTable(accuracyLog, symbols, bits, baselines);
    }

    private static ulong ReadForward(ReadOnlySpan<byte> data, long bitPos, int count)
    {
        ulong value = 0;
        for (var i = 0; i < count; i++)
        {
            var p = bitPos + i;
            var byteIndex = (int)(p >> 3);
            if (byteIndex >= data.Length)
                break;
            value |= (ulong)((data[byteIndex] >> (int)(p & 7)) & 1) << i;
        }

        return value;
    }
}
