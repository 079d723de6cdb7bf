namespace Persona.Parquet.Encodings;

/// <summary>A growable int array for levels and dictionary indices; clearing keeps the capacity.</summary>
internal sealed class IntBuffer(int initialCapacity = 256)
{
    private int[] _data = new int[Math.Max(16, initialCapacity)];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Span => _data.AsSpan(0, Count);

    public void Clear() => Count = 0;

    /// <summary>Extends the buffer by <paramref name="count"/> entries and returns them for filling.</summary>
    public Span<int> Extend(int count)
    {
        if (_data.Length - Count < count)
            Array.Resize(ref _data, (int)Math.Min(Array.MaxLength, Math.Max(_data.Length * 2L, (long)Count + count)));
        var span = _data.AsSpan(Count, count);
        Count += count;
        return span;
    }

    public void Add(int value)
    {
        if (Count == _data.Length)
            Array.Resize(ref _data, _data.Length * 2);
        _data[Count++] = value;
    }
}
