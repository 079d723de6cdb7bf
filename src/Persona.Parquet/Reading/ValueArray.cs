using System.Buffers.Binary;

using Persona.Parquet.Format;

namespace Persona.Parquet.Reading;

/// <summary>
/// Decoded values of one leaf, in one typed array chosen by the physical type. Used densely
/// (non-null values only, while decoding pages) and per slot (one per row or list element, with
/// <see cref="Nulls"/>) after assembly.
/// </summary>
internal sealed class ValueArray
{
    public ValueArray(PhysicalType physical, bool asString, int capacity, int fixedLength = 0)
    {
        Physical = physical;
        AsString = asString;
        FixedLength = fixedLength;
        Allocate(capacity);
    }

    public PhysicalType Physical { get; }

    public bool AsString { get; }

    public int FixedLength { get; }

    public int Count { get; private set; }

    public bool[]? Bools { get; private set; }

    public int[]? Int32s { get; private set; }

    public long[]? Int64s { get; private set; }

    public float[]? Floats { get; private set; }

    public double[]? Doubles { get; private set; }

    public string?[]? Strings { get; private set; }

    public byte[]?[]? Binaries { get; private set; }

    /// <summary>Per-slot null flags after assembly; null when no slot is null.</summary>
    public bool[]? Nulls { get; set; }

    public bool IsNull(int index) => Nulls is { } nulls && nulls[index];

    public object? GetValue(int index)
    {
        if (IsNull(index))
            return null;
        return Physical switch
        {
            PhysicalType.Boolean => Bools![index],
            PhysicalType.Int32 => Int32s![index],
            PhysicalType.Int64 or PhysicalType.Int96 => Int64s![index],
            PhysicalType.Float => Floats![index],
            PhysicalType.Double => Doubles![index],
            _ => AsString ? Strings![index] : Binaries![index],
        };
    }

    /// <summary>Decodes <paramref name="count"/> PLAIN values; returns the bytes consumed.</summary>
    public int AppendPlain(ReadOnlySpan<byte> data, int count, long fileOffset, string column)
    {
        EnsureCapacity(Count + count);
        var width = Physical switch
        {
            PhysicalType.Int32 or PhysicalType.Float => 4,
            PhysicalType.Int64 or PhysicalType.Double => 8,
            PhysicalType.Int96 => 12,
            PhysicalType.FixedLenByteArray => FixedLength,
            _ => 0,
        };
        if (Physical == PhysicalType.Boolean)
        {
            var bytes = (count + 7) / 8;
            if (bytes > data.Length)
                throw Truncated(fileOffset, column, count);
            for (var i = 0; i < count; i++)
                Bools![Count + i] = (data[i >> 3] & (1 << (i & 7))) != 0;
            Count += count;
            return bytes;
        }

        if (width > 0)
        {
            if ((long)width * count > data.Length)
                throw Truncated(fileOffset, column, count);
            var n = width * count;
            switch (Physical)
            {
                case PhysicalType.Int32:
                    for (var i = 0; i < count; i++)
                        Int32s![Count + i] = BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]);
                    break;
                case PhysicalType.Float:
                    for (var i = 0; i < count; i++)
                        Floats![Count + i] = BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]);
                    break;
                case PhysicalType.Int64:
                    for (var i = 0; i < count; i++)
                        Int64s![Count + i] = BinaryPrimitives.ReadInt64LittleEndian(data[(8 * i)..]);
                    break;
                case PhysicalType.Double:
                    for (var i = 0; i < count; i++)
                        Doubles![Count + i] = BinaryPrimitives.ReadDoubleLittleEndian(data[(8 * i)..]);
                    break;
                case PhysicalType.Int96:
                    for (var i = 0; i < count; i++)
                        Int64s![Count + i] = Int96ToNanos(data.Slice(12 * i, 12));
                    break;
                default:
                    for (var i = 0; i < count; i++)
                        SetBytes(Count + i, data.Slice(width * i, width));
                    break;
            }

            Count += count;
            return n;
        }

        var pos = 0;
        for (var i = 0; i < count; i++)
        {
            if (data.Length - pos < 4)
                throw Truncated(fileOffset + pos, column, count);
            var length = BinaryPrimitives.ReadInt32LittleEndian(data[pos..]);
            pos += 4;
            if (length < 0 || length > data.Length - pos)
                throw new ParquetFormatException($"BYTE_ARRAY length {length} runs past the page", fileOffset + pos - 4, column);
            SetBytes(Count + i, data.Slice(pos, length));
            pos += length;
        }

        Count += count;
        return pos;
    }

    /// <summary>Appends dictionary entries by index (shared string instances).</summary>
    public void AppendFromDictionary(ValueArray dictionary, ReadOnlySpan<int> indices, long fileOffset, string column)
    {
        EnsureCapacity(Count + indices.Length);
        var size = dictionary.Count;
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)size)
                throw new ParquetFormatException($"dictionary index {index} outside the {size}-entry dictionary", fileOffset, column);
        }

        switch (Physical)
        {
            case PhysicalType.Boolean:
                for (var i = 0; i < indices.Length; i++)
                    Bools![Count + i] = dictionary.Bools![indices[i]];
                break;
            case PhysicalType.Int32:
                for (var i = 0; i < indices.Length; i++)
                    Int32s![Count + i] = dictionary.Int32s![indices[i]];
                break;
            case PhysicalType.Int64 or PhysicalType.Int96:
                for (var i = 0; i < indices.Length; i++)
                    Int64s![Count + i] = dictionary.Int64s![indices[i]];
                break;
            case PhysicalType.Float:
                for (var i = 0; i < indices.Length; i++)
                    Floats![Count + i] = dictionary.Floats![indices[i]];
                break;
            case PhysicalType.Double:
                for (var i = 0; i < indices.Length; i++)
                    Doubles![Count + i] = dictionary.Doubles![indices[i]];
                break;
            default:
                if (AsString)
                {
                    for (var i = 0; i < indices.Length; i++)
                        Strings![Count + i] = dictionary.Strings![indices[i]];
                }
                else
                {
                    for (var i = 0; i < indices.Length; i++)
                        Binaries![Count + i] = dictionary.Binaries![indices[i]];
                }

                break;
        }

        Count += indices.Length;
    }

    /// <summary>Spreads dense values over <paramref name="slots"/> positions; <paramref name="present"/> marks the non-null ones.</summary>
    public ValueArray Scatter(ReadOnlySpan<bool> present, int slots)
    {
        var result = new ValueArray(Physical, AsString, slots, FixedLength);
        var nulls = new bool[slots];
        switch (Physical)
        {
            case PhysicalType.Boolean:
                Spread(Bools!, result.Bools!, present, nulls);
                break;
            case PhysicalType.Int32:
                Spread(Int32s!, result.Int32s!, present, nulls);
                break;
            case PhysicalType.Int64 or PhysicalType.Int96:
                Spread(Int64s!, result.Int64s!, present, nulls);
                break;
            case PhysicalType.Float:
                Spread(Floats!, result.Floats!, present, nulls);
                break;
            case PhysicalType.Double:
                Spread(Doubles!, result.Doubles!, present, nulls);
                break;
            default:
                if (AsString)
                    Spread(Strings!, result.Strings!, present, nulls);
                else
                    Spread(Binaries!, result.Binaries!, present, nulls);
                break;
        }

        result.Nulls = nulls;
        result.Count = slots;
        return result;
    }

    private static void Spread<T>(T[] dense, T[] slots, ReadOnlySpan<bool> present, bool[] nulls)
    {
        var src = 0;
        for (var i = 0; i < present.Length; i++)
        {
            if (present[i])
                slots[i] = dense[src++];
            else
                nulls[i] = true;
        }
    }

    private void SetBytes(int index, ReadOnlySpan<byte> bytes)
    {
        if (AsString)
            Strings![index] = System.Text.Encoding.UTF8.GetString(bytes);
        else
            Binaries![index] = bytes.ToArray();
    }

    private static long Int96ToNanos(ReadOnlySpan<byte> value)
    {
        var nanosOfDay = BinaryPrimitives.ReadInt64LittleEndian(value);
        var julianDay = BinaryPrimitives.ReadInt32LittleEndian(value[8..]);
        return unchecked(((julianDay - 2440588L) * 86400L * 1_000_000_000L) + nanosOfDay);
    }

    private static ParquetFormatException Truncated(long fileOffset, string column, int count) =>
        new($"page ends before its {count} values", fileOffset, column);

    private void EnsureCapacity(int needed)
    {
        var current = Physical switch
        {
            PhysicalType.Boolean => Bools!.Length,
            PhysicalType.Int32 => Int32s!.Length,
            PhysicalType.Int64 or PhysicalType.Int96 => Int64s!.Length,
            PhysicalType.Float => Floats!.Length,
            PhysicalType.Double => Doubles!.Length,
            _ => AsString ? Strings!.Length : Binaries!.Length,
        };
        if (needed <= current)
            return;
        var size = (int)Math.Min(Array.MaxLength, Math.Max(needed, current * 2L));
        switch (Physical)
        {
            case PhysicalType.Boolean:
                Bools = Resize(Bools!, size);
                break;
            case PhysicalType.Int32:
                Int32s = Resize(Int32s!, size);
                break;
            case PhysicalType.Int64 or PhysicalType.Int96:
                Int64s = Resize(Int64s!, size);
                break;
            case PhysicalType.Float:
                Floats = Resize(Floats!, size);
                break;
            case PhysicalType.Double:
                Doubles = Resize(Doubles!, size);
                break;
            default:
                if (AsString)
                    Strings = Resize(Strings!, size);
                else
                    Binaries = Resize(Binaries!, size);
                break;
        }
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }

    private void Allocate(int capacity)
    {
        switch (Physical)
        {
            case PhysicalType.Boolean:
                Bools = new bool[capacity];
                break;
            case PhysicalType.Int32:
                Int32s = new int[capacity];
                break;
            case PhysicalType.Int64 or PhysicalType.Int96:
                Int64s = new long[capacity];
                break;
            case PhysicalType.Float:
                Floats = new float[capacity];
                break;
            case PhysicalType.Double:
                Doubles = new double[capacity];
                break;
            default:
                if (AsString)
                    Strings = new string?[capacity];
                else
                    Binaries = new byte[]?[capacity];
                break;
        }
    }
}
