using System.Buffers.Binary;

using Persona.Parquet.Compression;
using Persona.Parquet.Encodings;
using Persona.Parquet.Format;
using Persona.Parquet.Thrift;

namespace Persona.Parquet.Writing;

/// <summary>
/// Shreds one column's values into levels and encoded values, closes pages at row boundaries once
/// they reach the page size, and holds the encoded pages of the current row group until
/// <see cref="FinishChunk"/>. Memory is bounded by one page of raw values plus the row group's
/// encoded chunk.
/// </summary>
internal sealed partial class ColumnChunkWriter
{
    private const int MaxPageEntries = 256 * 1024;

    private readonly ParquetWriteOptions _options;
    private readonly CompressionCodec _codec;
    private readonly IntBuffer _def = new(1024);
    private readonly IntBuffer _rep = new(1024);
    private readonly ByteBuffer _values = new(1 << 16);
    private readonly ByteBuffer _stored = new(1 << 16);
    private readonly PageCompressionWorker? _compressor;
    private ByteBuffer _body = new(1 << 16);

    /// <summary>The body of the page being compressed in the background, swapped with <see cref="_body"/>.</summary>
    private ByteBuffer? _spareBody;
    private PageCompressionJob? _pending;
    private readonly ByteBuffer _header = new(64);
    private readonly ByteBuffer _dataPages = new(1 << 16);
    private readonly HashSet<Encoding> _encodings = [];
    private readonly ColumnStatisticsBuilder _statistics;
    private int _boolBits;
    private int _boolCount;
    private int _pageEntries;
    private long _numValues;
    private long _uncompressedTotal;

    public ColumnChunkWriter(ParquetColumn column, ParquetWriteOptions options, PageCompressionWorker? compressor = null)
    {
        Column = column;
        _options = options;
        _compressor = compressor;
        _codec = PageCompressor.ToCodec(options.Compression);
        Physical = PhysicalTypeOf(column.Type);
        MaxRep = column.Type == ParquetColumnType.StringList ? 1 : 0;
        MaxDef = column.Type == ParquetColumnType.StringList ? (column.Nullable ? 3 : 2) : (column.Nullable ? 1 : 0);
        _statistics = new ColumnStatisticsBuilder(Physical, column.Type == ParquetColumnType.Float || column.Type == ParquetColumnType.Double);
        _dictionary = options.UseDictionary && DictionaryCandidate(column.Type) ? new DictionaryBuilder(Physical) : null;
    }

    public ParquetColumn Column { get; }

    public PhysicalType Physical { get; }

    public int MaxDef { get; }

    public int MaxRep { get; }

    /// <summary>
    /// Bytes this column holds for the current row group (encoded pages plus the open page), not counting a page still
    /// being compressed in the background (see <see cref="PendingBytesAtMost"/> and <see cref="CompletePending"/>).
    /// </summary>
    public long BufferedBytes => _dataPages.Length + _values.Length + (_dictionary?.EncodedBytes ?? 0) + (_def.Count + _rep.Count) / 4;

    /// <summary>The most the page being compressed in the background adds to <see cref="BufferedBytes"/> once complete.</summary>
    public long PendingBytesAtMost => _pending?.BytesAtMost ?? 0;

    public static PhysicalType PhysicalTypeOf(ParquetColumnType type) => type switch
    {
        ParquetColumnType.String or ParquetColumnType.StringList => PhysicalType.ByteArray,
        ParquetColumnType.Boolean => PhysicalType.Boolean,
        ParquetColumnType.Int32 => PhysicalType.Int32,
        ParquetColumnType.Int64 or ParquetColumnType.Timestamp => PhysicalType.Int64,
        ParquetColumnType.Float => PhysicalType.Float,
        ParquetColumnType.Double => PhysicalType.Double,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown column type"),
    };

    public void AppendNull()
    {
        if (MaxDef == 0 || (MaxRep > 0 && !Column.Nullable))
            throw RequiredNull();
        _def.Add(0);
        if (MaxRep > 0)
            _rep.Add(0);
        _statistics.AddNull();
        EndEntry();
        EndRow();
    }

    public void AppendString(string value)
    {
        AddLevelsForValue();
        AddString(value);
        EndEntry();
        EndRow();
    }

    public void AppendBoolean(bool value)
    {
        AddLevelsForValue();
        _boolBits |= (value ? 1 : 0) << _boolCount;
        if (++_boolCount == 8)
        {
            _values.Add((byte)_boolBits);
            _boolBits = 0;
            _boolCount = 0;
        }

        _statistics.AddBoolean(value);
        EndEntry();
        EndRow();
    }

    public void AppendInt32(int value)
    {
        AddLevelsForValue();
        if (_dictionary is { } dictionary && !dictionary.Abandoned)
            dictionary.AddInt32(value);
        else
            _values.AddInt32(value);
        _statistics.AddInt64(value);
        EndEntry();
        EndRow();
    }

    public void AppendInt64(long value)
    {
        AddLevelsForValue();
        if (_dictionary is { } dictionary && !dictionary.Abandoned)
            dictionary.AddInt64(value);
        else
            _values.AddInt64(value);
        _statistics.AddInt64(value);
        EndEntry();
        EndRow();
    }

    public void AppendFloat(float value)
    {
        AddLevelsForValue();
        BinaryPrimitives.WriteSingleLittleEndian(_values.GetSpan(4), value);
        _values.Advance(4);
        _statistics.AddDouble(value);
        EndEntry();
        EndRow();
    }

    public void AppendDouble(double value)
    {
        AddLevelsForValue();
        BinaryPrimitives.WriteDoubleLittleEndian(_values.GetSpan(8), value);
        _values.Advance(8);
        _statistics.AddDouble(value);
        EndEntry();
        EndRow();
    }

    public void AppendTimestamp(DateTimeOffset value) => AppendInt64(TimestampConversion.ToUnits(value, Column.TimeUnit));

    public void AppendList(IReadOnlyList<string?> list)
    {
        // Levels for LIST<string> (3-level): optional list → null 0, empty 1, null element 2, value 3;
        // required list → empty 0, null element 1, value 2.
        var present = Column.Nullable ? 1 : 0;
        if (list.Count == 0)
        {
            _rep.Add(0);
            _def.Add(present);
            _statistics.AddNull();
            EndEntry();
            EndRow();
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            _rep.Add(i == 0 ? 0 : 1);
            var element = list[i];
            if (element is null)
            {
                _def.Add(present + 1);
                _statistics.AddNull();
            }
            else
            {
                _def.Add(MaxDef);
                AddString(element);
            }

            EndEntry();
        }

        EndRow();
    }

    private void AddString(string value)
    {
        if (_dictionary is { } dictionary && !dictionary.Abandoned)
        {
            dictionary.AddString(value);
        }
        else
        {
            var max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
            var span = _values.GetSpan(max + 4);
            var written = System.Text.Encoding.UTF8.GetBytes(value, span[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(span, written);
            _values.Advance(written + 4);
            _statistics.AddBytes(span.Slice(4, written));
        }
    }

    private void AddLevelsForValue()
    {
        if (MaxDef > 0)
            _def.Add(MaxDef);
        if (MaxRep > 0)
            _rep.Add(0);
    }

    private void EndEntry()
    {
        _pageEntries++;
        _numValues++;
    }

    private void EndRow()
    {
        if (_values.Length >= _options.PageSize || _pageEntries >= MaxPageEntries || (_dictionary?.PagePlainBytes ?? 0) >= _options.PageSize)
            FlushPage();
    }

    private InvalidOperationException RequiredNull() =>
        new($"null value for REQUIRED column '{Column.Name}'; declare the column nullable in the map");

    private void WritePage(PageHeader header, ReadOnlySpan<byte> body, ByteBuffer target)
    {
        PageCompressor.Compress(_codec, body, _stored);
        AppendPage(header, body.Length, target);
    }

    /// <summary>The header's size with the largest compressed size it can record (its varints at their longest).</summary>
    private int HeaderBytesAtMost(PageHeader header, int uncompressedLength)
    {
        header.UncompressedPageSize = uncompressedLength;
        header.CompressedPageSize = int.MaxValue;
        _header.Clear();
        header.Write(new CompactWriter(_header));
        return _header.Length;
    }

    /// <summary>Appends the page compressed into <see cref="_stored"/>, header first.</summary>
    private void AppendPage(PageHeader header, int uncompressedLength, ByteBuffer target)
    {
        header.UncompressedPageSize = uncompressedLength;
        header.CompressedPageSize = _stored.Length;
        _header.Clear();
        header.Write(new CompactWriter(_header));
        target.AddRange(_header.Span);
        target.AddRange(_stored.Span);
        _uncompressedTotal += _header.Length + uncompressedLength;
    }
}
