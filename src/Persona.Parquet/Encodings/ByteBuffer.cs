using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Persona.Parquet.Encodings;

/// <summary>A growable byte array that is reused between pages; clearing keeps the capacity.</summary>
internal sealed class ByteBuffer(int initialCapacity = 256)
{
    private byte[] _data = new byte[Math.Max(16, initialCapacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _data.AsMemory(0, Length);

    public int Capacity => _data.Length;

    public void Clear() => Length = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(byte value)
    {
        if (Length == _data.Length)
            Grow(1);
        _data[Length++] = value;
    }

    public void AddRange(ReadOnlySpan<byte> values)
    {
        if (_data.Length - Length < values.Length)
            Grow(values.Length);
        values.CopyTo(_data.AsSpan(Length));
        Length += values.Length;
    }

    /// <summary>A writable span of at least <paramref name="size"/> bytes at the end; call <see cref="Advance"/> after.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (_data.Length - Length < size)
            Grow(size);
        return _data.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void AddInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        Length += 4;
    }

    public void AddInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), value);
        Length += 8;
    }

    public void AddVarint(ulong value)
    {
        while (value >= 0x80)
        {
            Add((byte)(value | 0x80));
            value >>= 7;
        }

        Add((byte)value);
    }

    /// <summary>Overwrites four bytes at <paramref name="position"/> (a length prefix reserved earlier).</summary>
    public void SetInt32(int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(position, 4), value);

    private void Grow(int needed)
    {
        var size = Math.Max(_data.Length * 2L, (long)Length + needed);
        if (size > Array.MaxLength)
            size = Math.Max((long)Length + needed, Array.MaxLength);
        if (size > Array.MaxLength)
            throw new InvalidOperationException("a Parquet page or chunk buffer would exceed 2 GiB; lower the row-group or page size");
        Array.Resize(ref _data, (int)size);
    }
}
