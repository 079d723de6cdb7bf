using Persona.Parquet.Encodings;
using Persona.Parquet.Format;

namespace Persona.Parquet.Writing;

/// <summary>Page and chunk assembly: level streams, dictionary pages, column metadata.</summary>
internal sealed partial class ColumnChunkWriter
{
    private readonly DictionaryBuilder? _dictionary;
    private int _dictionaryPages;

    private static bool DictionaryCandidate(ParquetColumnType type) =>
        type is ParquetColumnType.String or ParquetColumnType.StringList or ParquetColumnType.Int32 or ParquetColumnType.Int64 or ParquetColumnType.Timestamp;

    /// <summary>Closes the open page, if it holds any entries.</summary>
    public void FlushPage()
    {
        if (_pageEntries == 0)
            return;
        if (_boolCount > 0)
        {
            _values.Add((byte)_boolBits);
            _boolBits = 0;
            _boolCount = 0;
        }

        var useDictionary = _dictionary is { Abandoned: false };
        if (useDictionary && !_dictionary!.Pays(_dictionaryPages == 0))
        {
            _dictionary.Abandon(_values);
            useDictionary = false;
        }

        _body.Clear();
        if (MaxRep > 0)
            AddLevels(_rep.Span, MaxRep);
        if (MaxDef > 0)
            AddLevels(_def.Span, MaxDef);
        Encoding encoding;
        if (useDictionary)
        {
            var width = RleHybridEncoder.BitWidth(_dictionary!.Count - 1);
            _body.Add((byte)width);
            RleHybridEncoder.Encode(_dictionary.PageIndices, width, _body);
            _dictionary.ClearPage();
            encoding = Encoding.RleDictionary;
            _dictionaryPages++;
        }
        else
        {
            _body.AddRange(_values.Span);
            encoding = Encoding.Plain;
        }

        _encodings.Add(encoding);
        var header = new PageHeader
        {
            Type = PageType.DataPage,
            DataPageHeader = new DataPageHeader { NumValues = _pageEntries, Encoding = encoding },
        };
        if (_compressor is null)
        {
            WritePage(header, _body.Span, _dataPages);
        }
        else
        {
            // Compress on the worker while the next page is encoded into the other body buffer.
            CompletePending();
            _pending = new PageCompressionJob(_codec, header, _body, _stored, HeaderBytesAtMost(header, _body.Length));
            _compressor.Post(_pending);
            (_body, _spareBody) = (_spareBody ?? new ByteBuffer(1 << 16), _body);
        }

        _values.Clear();
        _def.Clear();
        _rep.Clear();
        _pageEntries = 0;
    }

    /// <summary>
    /// Closes the chunk. The caller writes <paramref name="dictionaryPage"/> (empty when there is none) and then
    /// <see cref="DataPages"/> at <paramref name="chunkStart"/> right after this call, and then calls <see cref="Reset"/>.
    /// </summary>
    public ColumnChunk FinishChunk(long chunkStart, ByteBuffer dictionaryPage)
    {
        FlushPage();
        CompletePending();
        dictionaryPage.Clear();
        long? dictionaryOffset = null;
        if (_dictionary is not null && _dictionaryPages > 0)
        {
            dictionaryOffset = chunkStart;
            var header = new PageHeader
            {
                Type = PageType.DictionaryPage,
                DictionaryPageHeader = new DictionaryPageHeader { NumValues = _dictionary.Count, Encoding = Encoding.Plain },
            };
            WritePage(header, _dictionary.Encoded, dictionaryPage);
            _encodings.Add(Encoding.Plain);
        }

        if (_dictionary is { Count: > 0 })
            _statistics.AddDictionary(_dictionary);

        var dataPageOffset = chunkStart + dictionaryPage.Length;
        if (MaxDef > 0 || MaxRep > 0)
            _encodings.Add(Encoding.Rle);
        var encodings = _encodings.ToList();
        encodings.Sort();
        var path = MaxRep > 0 ? new List<string> { Column.Name, "list", "element" } : [Column.Name];
        return new ColumnChunk
        {
            MetaData = new ColumnMetaData
            {
                Type = Physical,
                Encodings = encodings,
                PathInSchema = path,
                Codec = _codec,
                NumValues = _numValues,
                TotalUncompressedSize = _uncompressedTotal,
                TotalCompressedSize = dictionaryPage.Length + _dataPages.Length,
                DataPageOffset = dataPageOffset,
                DictionaryPageOffset = dictionaryOffset,
                Statistics = _options.WriteStatistics ? _statistics.Build() : null,
            },
        };
    }

    /// <summary>Waits for the page being compressed in the background, if any, and appends it to the chunk.</summary>
    public void CompletePending()
    {
        if (_pending is not { } page)
            return;
        _compressor!.Complete(page);
        _pending = null;
        AppendPage(page.Header, page.Body.Length, _dataPages);
    }

    /// <summary>The chunk's data pages, headers included, as <see cref="FinishChunk"/> left them.</summary>
    public ReadOnlyMemory<byte> DataPages => _dataPages.Memory;

    /// <summary>Starts a new chunk for the next row group.</summary>
    public void Reset()
    {
        _dataPages.Clear();
        _encodings.Clear();
        _numValues = 0;
        _uncompressedTotal = 0;
        _dictionaryPages = 0;
        _dictionary?.Reset();
        _statistics.Reset();
    }

    private void AddLevels(ReadOnlySpan<int> levels, int maxLevel)
    {
        var lengthAt = _body.Length;
        _body.AddInt32(0);
        RleHybridEncoder.Encode(levels, RleHybridEncoder.BitWidth(maxLevel), _body);
        _body.SetInt32(lengthAt, _body.Length - lengthAt - 4);
    }
}
