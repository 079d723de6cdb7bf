using System.Buffers.Binary;
using Persona.Parquet.Compression;
using Persona.Parquet.Encodings;
using Persona.Parquet.Format;
using Persona.Parquet.Thrift;

namespace Persona.Parquet.Reading;

/// <summary>
/// Decodes the pages of one column chunk (dictionary page, V1 and V2 data pages; PLAIN, dictionary
/// and RLE-boolean values) and assembles rows. Every length is checked against the chunk's bytes.
/// </summary>
internal sealed class ColumnChunkReader
{
    private readonly FileColumn _column;
    private readonly ColumnMetaData _meta;
    private readonly bool _asString;
    private readonly IntBuffer _def = new(1024);
    private readonly IntBuffer _rep = new(1024);
    private readonly ValueArray _dense;
    private ValueArray? _dictionary;

    public ColumnChunkReader(FileColumn column, ColumnMetaData meta, bool asString, int capacityHint)
    {
        _column = column;
        _meta = meta;
        _asString = asString;
        _dense = new ValueArray(meta.Type, asString, capacityHint, column.Leaf!.TypeLength ?? 0);
    }

    private string Name => _column.Name;

    public ColumnData Read(ReadOnlySpan<byte> chunk, long chunkOffset, long rows)
    {
        var pos = 0;
        long entries = 0;
        while (entries < _meta.NumValues)
        {
            if (pos >= chunk.Length)
                throw new ParquetFormatException($"column chunk ended after {entries} of {_meta.NumValues} values", chunkOffset + pos, Name);
            var reader = new CompactReader(chunk[pos..], chunkOffset + pos);
            var header = PageHeader.Read(ref reader);
            pos += reader.Position;
            if (header.CompressedPageSize > chunk.Length - pos)
                throw new ParquetFormatException($"page of {header.CompressedPageSize} bytes runs past the column chunk", chunkOffset + pos, Name);
            var body = chunk.Slice(pos, header.CompressedPageSize);
            var bodyOffset = chunkOffset + pos;
            pos += header.CompressedPageSize;
            switch (header.Type)
            {
                case PageType.DictionaryPage:
                    ReadDictionary(header, body, bodyOffset);
                    break;
                case PageType.DataPage:
                    entries += ReadDataPageV1(header, body, bodyOffset, _meta.NumValues - entries);
                    break;
                case PageType.DataPageV2:
                    entries += ReadDataPageV2(header, body, bodyOffset, _meta.NumValues - entries);
                    break;
                default:
                    break; // index pages and unknown page types are skipped
            }
        }

        return Assemble(rows, chunkOffset);
    }

    private void ReadDictionary(PageHeader header, ReadOnlySpan<byte> body, long offset)
    {
        var count = header.DictionaryPageHeader?.NumValues ?? throw new ParquetFormatException("dictionary page without its header", offset, Name);
        var data = PageDecompressor.Decompress(_meta.Codec, body, header.UncompressedPageSize, offset, Name);
        if (count < 0 || (_meta.Type != PhysicalType.Boolean && count > data.Length))
            throw new ParquetFormatException($"dictionary claims {count} entries in {data.Length} bytes", offset, Name);
        var dictionary = new ValueArray(_meta.Type, _asString, count, _column.Leaf!.TypeLength ?? 0);
        dictionary.AppendPlain(data, count, offset, Name);
        _dictionary = dictionary;
    }

    private int ReadDataPageV1(PageHeader header, ReadOnlySpan<byte> body, long offset, long remaining)
    {
        var h = header.DataPageHeader ?? throw new ParquetFormatException("data page without its header", offset, Name);
        var count = CheckCount(h.NumValues, remaining, offset);
        var data = PageDecompressor.Decompress(_meta.Codec, body, header.UncompressedPageSize, offset, Name);
        var span = (ReadOnlySpan<byte>)data;
        var pos = 0;
        if (_column.MaxRep > 0)
            pos += ReadLevelsWithLength(span[pos..], h.RepetitionLevelEncoding, _column.MaxRep, count, _rep, offset + pos);
        var defStart = _def.Count;
        if (_column.MaxDef > 0)
            pos += ReadLevelsWithLength(span[pos..], h.DefinitionLevelEncoding, _column.MaxDef, count, _def, offset + pos);
        ReadValues(h.Encoding, span[pos..], CountPresent(defStart, count), offset + pos);
        return count;
    }

    private int ReadDataPageV2(PageHeader header, ReadOnlySpan<byte> body, long offset, long remaining)
    {
        var h = header.DataPageHeaderV2 ?? throw new ParquetFormatException("V2 data page without its header", offset, Name);
        var count = CheckCount(h.NumValues, remaining, offset);
        var repLength = h.RepetitionLevelsByteLength;
        var defLength = h.DefinitionLevelsByteLength;
        if (repLength < 0 || defLength < 0 || (long)repLength + defLength > body.Length)
            throw new ParquetFormatException($"V2 level lengths ({repLength}, {defLength}) exceed the page", offset, Name);
        if (_column.MaxRep > 0)
            DecodeLevels(body[..repLength], _column.MaxRep, count, _rep, offset);
        var defStart = _def.Count;
        if (_column.MaxDef > 0)
            DecodeLevels(body.Slice(repLength, defLength), _column.MaxDef, count, _def, offset + repLength);
        var levelBytes = repLength + defLength;
        var values = body[levelBytes..];
        var valuesOffset = offset + levelBytes;
        var uncompressedValues = header.UncompressedPageSize - levelBytes;
        if (uncompressedValues < 0)
            throw new ParquetFormatException("V2 page is smaller than its levels", offset, Name);
        ReadOnlySpan<byte> decoded = h.IsCompressed && _meta.Codec != CompressionCodec.Uncompressed && values.Length > 0
            ? PageDecompressor.Decompress(_meta.Codec, values, uncompressedValues, valuesOffset, Name)
            : values;
        ReadValues(h.Encoding, decoded, CountPresent(defStart, count), valuesOffset);
        return count;
    }

    private int CheckCount(int count, long remaining, long offset)
    {
        if (count < 0 || count > remaining)
            throw new ParquetFormatException($"page claims {count} values where {remaining} remain in the chunk", offset, Name);
        return count;
    }

    private int CountPresent(int defStart, int count)
    {
        if (_column.MaxDef == 0)
            return count;
        var present = 0;
        foreach (var level in _def.Span.Slice(defStart, count))
        {
            if (level == _column.MaxDef)
                present++;
        }

        return present;
    }

    private int ReadLevelsWithLength(ReadOnlySpan<byte> data, Encoding encoding, int maxLevel, int count, IntBuffer target, long offset)
    {
        if (encoding == Encoding.BitPacked)
            throw new ParquetFormatException("deprecated BIT_PACKED level encoding is not supported", offset, Name);
        if (data.Length < 4)
            throw new ParquetFormatException("level length prefix truncated", offset, Name);
        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > data.Length - 4)
            throw new ParquetFormatException($"level data of {length} bytes runs past the page", offset, Name);
        DecodeLevels(data.Slice(4, length), maxLevel, count, target, offset + 4);
        return 4 + length;
    }

    private void DecodeLevels(ReadOnlySpan<byte> data, int maxLevel, int count, IntBuffer target, long offset)
    {
        var levels = target.Extend(count);
        RleHybridDecoder.Decode(data, RleHybridEncoder.BitWidth(maxLevel), levels, offset, Name);
        foreach (var level in levels)
        {
            if ((uint)level > (uint)maxLevel)
                throw new ParquetFormatException($"level {level} exceeds the maximum {maxLevel}", offset, Name);
        }
    }

    private void ReadValues(Encoding encoding, ReadOnlySpan<byte> data, int count, long offset)
    {
        switch (encoding)
        {
            case Encoding.Plain:
                _dense.AppendPlain(data, count, offset, Name);
                break;
            case Encoding.PlainDictionary or Encoding.RleDictionary:
            {
                if (_dictionary is null)
                    throw new ParquetFormatException("dictionary-encoded page without a dictionary page", offset, Name);
                if (count == 0)
                    break;
                if (data.Length < 1)
                    throw new ParquetFormatException("dictionary indices truncated", offset, Name);
                var indices = new int[count];
                RleHybridDecoder.Decode(data[1..], data[0], indices, offset + 1, Name);
                _dense.AppendFromDictionary(_dictionary, indices, offset, Name);
                break;
            }

            case Encoding.Rle when _meta.Type == PhysicalType.Boolean:
            {
                if (data.Length < 4)
                    throw new ParquetFormatException("RLE boolean length truncated", offset, Name);
                var length = BinaryPrimitives.ReadInt32LittleEndian(data);
                if (length < 0 || length > data.Length - 4)
                    throw new ParquetFormatException("RLE boolean data runs past the page", offset, Name);
                var bits = new int[count];
                RleHybridDecoder.Decode(data.Slice(4, length), 1, bits, offset + 4, Name);
                var packed = new byte[(count + 7) / 8];
                for (var i = 0; i < count; i++)
                    packed[i >> 3] |= (byte)(bits[i] << (i & 7));
                _dense.AppendPlain(packed, count, offset, Name);
                break;
            }

            default:
                throw new ParquetFormatException($"value encoding {EncodingName(encoding)} is not supported", offset, Name);
        }
    }

    private static string EncodingName(Encoding encoding) => encoding switch
    {
        Encoding.DeltaBinaryPacked => "DELTA_BINARY_PACKED",
        Encoding.DeltaLengthByteArray => "DELTA_LENGTH_BYTE_ARRAY",
        Encoding.DeltaByteArray => "DELTA_BYTE_ARRAY",
        Encoding.ByteStreamSplit => "BYTE_STREAM_SPLIT",
        Encoding.BitPacked => "BIT_PACKED",
        Encoding.Rle => "RLE",
        _ => $"#{(int)encoding}",
    };

    private ColumnData Assemble(long rows, long chunkOffset)
    {
        var entries = (int)_meta.NumValues;
        if (_column.Shape == ColumnShape.Flat)
        {
            if (entries != rows)
                throw new ParquetFormatException($"column has {entries} values for {rows} rows", chunkOffset, Name);
            if (_column.MaxDef == 0)
                return new ColumnData { Column = _column, Values = _dense, Rows = (int)rows };
            var present = new bool[entries];
            var defs = _def.Span;
            var all = true;
            for (var i = 0; i < entries; i++)
            {
                present[i] = defs[i] == _column.MaxDef;
                all &= present[i];
            }

            return new ColumnData { Column = _column, Values = all ? _dense : _dense.Scatter(present, entries), Rows = (int)rows };
        }

        return AssembleList(rows, entries, chunkOffset);
    }

    private ColumnData AssembleList(long rows, int entries, long chunkOffset)
    {
        var defs = _def.Span;
        var reps = _rep.Span;
        var offsets = new int[rows + 1];
        var listNulls = new bool[rows];
        var elementLevel = _column.ListPresentDef + 1;
        var present = new bool[entries];
        var row = -1;
        var elements = 0;
        for (var i = 0; i < entries; i++)
        {
            var def = _column.MaxDef > 0 ? defs[i] : _column.MaxDef;
            if (reps[i] == 0)
            {
                row++;
                if (row >= rows)
                    throw new ParquetFormatException($"list column has more than {rows} rows", chunkOffset, Name);
                offsets[row] = elements;
                if (def < _column.ListPresentDef)
                {
                    listNulls[row] = true;
                    continue;
                }
            }
            else if (row < 0)
            {
                throw new ParquetFormatException("list column starts with a continuation entry", chunkOffset, Name);
            }

            if (def < elementLevel)
                continue;
            present[elements] = def == _column.MaxDef;
            elements++;
        }

        if (row + 1 != rows)
            throw new ParquetFormatException($"list column has {row + 1} rows, the row group {rows}", chunkOffset, Name);
        offsets[rows] = elements;
        var values = _dense.Scatter(present.AsSpan(0, elements), elements);
        return new ColumnData { Column = _column, Values = values, Rows = (int)rows, Offsets = offsets, ListNulls = listNulls };
    }
}
