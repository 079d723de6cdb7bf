namespace Persona.Parquet.Compression;

/// <summary>
/// Reads a Zstandard backward bitstream: bits are consumed from the end of the stream towards its
/// start, the highest set bit of the last byte being the end marker. Reading past the start yields
/// zero bits and makes <see cref="Overflowed"/> true.
/// </summary>
internal ref struct BackwardBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private long _position;

    public BackwardBitReader(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || data[^1] == 0)
            throw new InvalidDataException("zstd bitstream without an end marker");
        _data = data;
        _position = (8L * data.Length) - (int.LeadingZeroCount(data[^1]) - 24) - 1;
    }

    /// <summary>Bits not yet consumed (negative once reading went past the start).</summary>
    public readonly long Remaining => _position;

    public readonly bool Overflowed => _position < 0;

    public ulong Read(int count)
    {
        var value = Peek(count);
        _position -= count;
        return value;
    }

    public readonly ulong Peek(int count)
    {
        if (count == 0)
            return 0;
        var start = _position - count;
        if (start >= 0)
            return Extract(start, count);
        if (_position <= 0)
            return 0;
        return Extract(0, (int)_position) << (int)-start;
    }

    public void Skip(int count) => _position -= count;

    private readonly ulong Extract(long start, int count)
    {
        var byteIndex = (int)(start >> 3);
        var shift = (int)(start & 7);
        ulong word = 0;
        var available = Math.Min(8, _data.Length - byteIndex);
        for (var i = 0; i < available; i++)
            word |= (ulong)_data[byteIndex + i] << (8 * i);
        word >>= shift;
        if (count + shift > 64 && byteIndex + 8 < _data.Length)
            word |= (ulong)_data[byteIndex + 8] << (64 - shift);
        return count == 64 ? word : word & ((1UL << count) - 1);
    }
}
