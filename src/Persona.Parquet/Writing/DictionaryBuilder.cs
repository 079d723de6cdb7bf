using System.Buffers.Binary;

using Persona.Parquet.Encodings;
using Persona.Parquet.Format;

namespace Persona.Parquet.Writing;

/// <summary>
/// Collects distinct values of one chunk in PLAIN form and the current page's indices. The column
/// falls back to PLAIN pages (for the rest of the chunk) when the dictionary stops paying: when it
/// is not clearly smaller than the PLAIN bytes it replaces, or grows past the dictionary page limit.
/// </summary>
internal sealed class DictionaryBuilder(PhysicalType physical)
{
    private const int MaxDictionaryBytes = 1 << 20;
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _numbers = [];
    private readonly ByteBuffer _encoded = new(1 << 12);
    private readonly IntBuffer _offsets = new();
    private readonly IntBuffer _indices = new(1024);
    private long _plainBytes;

    public bool Abandoned { get; private set; }

    public int Count => _offsets.Count;

    public ReadOnlySpan<byte> Encoded => _encoded.Span;

    public long EncodedBytes => _encoded.Length + _indices.Count;

    public ReadOnlySpan<int> PageIndices => _indices.Span;

    public int PageIndexCount => _indices.Count;

    /// <summary>What the open page's values would take PLAIN-encoded: the page-size measure in dictionary mode.</summary>
    public long PagePlainBytes { get; private set; }

    public PhysicalType Physical => physical;

    public void AddString(string value)
    {
        if (!_strings.TryGetValue(value, out var index))
        {
            index = _offsets.Count;
            _strings.Add(value, index);
            _offsets.Add(_encoded.Length);
            var max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
            var span = _encoded.GetSpan(max + 4);
            var written = System.Text.Encoding.UTF8.GetBytes(value, span[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(span, written);
            _encoded.Advance(written + 4);
            _plainBytes += written + 4;
            PagePlainBytes += written + 4;
        }
        else
        {
            var length = 4 + EntryLength(index);
            _plainBytes += length;
            PagePlainBytes += length;
        }

        _indices.Add(index);
    }

    public void AddInt32(int value) => AddNumber(value, 4);

    public void AddInt64(long value) => AddNumber(value, 8);

    /// <summary>Whether dictionary encoding still pays; the first page decides whether to start at all.</summary>
    public bool Pays(bool firstPage)
    {
        if (_encoded.Length > MaxDictionaryBytes)
            return false;
        if (!firstPage)
            return true;
        var indexBytes = (long)_indices.Count * Math.Max(1, RleHybridEncoder.BitWidth(Count - 1)) / 8;
        return _encoded.Length + indexBytes < _plainBytes * 3 / 4;
    }

    /// <summary>Stops dictionary encoding: the open page's indices become PLAIN values in <paramref name="values"/>.</summary>
    public void Abandon(ByteBuffer values)
    {
        Abandoned = true;
        values.Clear();
        foreach (var index in _indices.Span)
            values.AddRange(Entry(index));
        ClearPage();
    }

    /// <summary>The PLAIN bytes of one entry (for strings, without the length prefix).</summary>
    public ReadOnlySpan<byte> EntryValue(int index) =>
        physical == PhysicalType.ByteArray ? Entry(index)[4..] : Entry(index);

    public void ClearPage()
    {
        _indices.Clear();
        PagePlainBytes = 0;
    }

    public void Reset()
    {
        Abandoned = false;
        _strings.Clear();
        _numbers.Clear();
        _encoded.Clear();
        _offsets.Clear();
        _indices.Clear();
        _plainBytes = 0;
        PagePlainBytes = 0;
    }

    private void AddNumber(long value, int width)
    {
        if (!_numbers.TryGetValue(value, out var index))
        {
            index = _offsets.Count;
            _numbers.Add(value, index);
            _offsets.Add(_encoded.Length);
            if (width == 4)
                _encoded.AddInt32((int)value);
            else
                _encoded.AddInt64(value);
        }

        _plainBytes += width;
        PagePlainBytes += width;
        _indices.Add(index);
    }

    private ReadOnlySpan<byte> Entry(int index)
    {
        var start = _offsets.Span[index];
        var end = index + 1 < _offsets.Count ? _offsets.Span[index + 1] : _encoded.Length;
        return _encoded.Span[start..end];
    }

    private int EntryLength(int index)
    {
        var start = _offsets.Span[index];
        var end = index + 1 < _offsets.Count ? _offsets.Span[index + 1] : _encoded.Length;
        return end - start - 4;
    }
}
