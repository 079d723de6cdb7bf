using System.Buffers.Binary;
using Persona.Parquet.Format;
using Persona.Parquet.Thrift;

namespace Persona.Parquet.Reading;

/// <summary>
/// Opens a Parquet file on a seekable stream: validates the magic bytes and footer, parses the
/// metadata and schema, and reads column chunks of one row group at a time.
/// </summary>
internal sealed class ParquetFileReader
{
    private const int MaxFooterBytes = 256 << 20;
    private readonly Stream _stream;

    private ParquetFileReader(Stream stream, long length, long footerOffset, FileMetaData metadata, List<FileColumn> columns)
    {
        _stream = stream;
        FooterOffset = footerOffset;
        Length = length;
        Metadata = metadata;
        Columns = columns;
    }

    public long Length { get; }

    /// <summary>Where the footer (schema and chunk metadata) starts; the offset reported for schema-level problems.</summary>
    public long FooterOffset { get; }

    public FileMetaData Metadata { get; }

    public List<FileColumn> Columns { get; }

    public static async Task<ParquetFileReader> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek || !stream.CanRead)
            throw new ArgumentException("reading Parquet needs a readable, seekable stream", nameof(stream));
        var length = stream.Length;
        if (length < 12)
            throw new ParquetFormatException($"file of {length} bytes is too short to be Parquet", 0);
        var head = await ReadAsync(stream, 0, 4, cancellationToken).ConfigureAwait(false);
        if (!head.AsSpan().SequenceEqual("PAR1"u8))
            throw new ParquetFormatException("missing PAR1 magic at the start of the file", 0);
        var tail = await ReadAsync(stream, length - 8, 8, cancellationToken).ConfigureAwait(false);
        if (tail.AsSpan(4).SequenceEqual("PARE"u8))
            throw new ParquetFormatException("encrypted Parquet files are not supported", length - 4);
        if (!tail.AsSpan(4).SequenceEqual("PAR1"u8))
            throw new ParquetFormatException("missing PAR1 magic at the end of the file (truncated?)", length - 4);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12 || footerLength > MaxFooterBytes)
            throw new ParquetFormatException($"footer length {footerLength} does not fit a file of {length} bytes", length - 8);
        var footerOffset = length - 8 - footerLength;
        var footer = await ReadAsync(stream, footerOffset, footerLength, cancellationToken).ConfigureAwait(false);
        var reader = new CompactReader(footer, footerOffset);
        var metadata = FileMetaData.Read(ref reader);
        List<FileColumn> columns;
        try
        {
            columns = SchemaReader.Read(metadata.Schema);
        }
        catch (ParquetFormatException ex) when (ex.Offset is null)
        {
            throw new ParquetFormatException("invalid schema: " + ex.Message, footerOffset, null, ex);
        }

        var leaves = columns.Count == 0 ? 0 : SchemaReader.CountLeaves(metadata.Schema);
        foreach (var group in metadata.RowGroups)
        {
            if (group.Columns.Count != leaves)
                throw new ParquetFormatException($"row group has {group.Columns.Count} column chunks for {leaves} schema leaves", footerOffset);
            if (group.NumRows > int.MaxValue)
                throw new ParquetFormatException($"row group of {group.NumRows} rows is too large", footerOffset);
        }

        return new ParquetFileReader(stream, length, footerOffset, metadata, columns);
    }

    /// <summary>Reads and assembles one column of one row group.</summary>
    public async Task<ColumnData> ReadColumnAsync(int rowGroup, FileColumn column, bool asString, CancellationToken cancellationToken)
    {
        if (column.Shape == ColumnShape.Unsupported)
            throw new ParquetFormatException(column.Unsupported ?? "unsupported column", FooterOffset, column.Name);
        var group = Metadata.RowGroups[rowGroup];
        var chunk = group.Columns[column.LeafIndex];
        var meta = chunk.MetaData ?? throw new ParquetFormatException("column chunk without metadata", FooterOffset, column.Name);
        if (chunk.FilePath is not null)
            throw new ParquetFormatException("column chunks in external files are not supported", FooterOffset, column.Name);
        if (meta.Type != column.Leaf!.Type)
            throw new ParquetFormatException($"chunk type {meta.Type} differs from the schema's {column.Leaf.Type}", FooterOffset, column.Name);
        var start = meta.DictionaryPageOffset is > 0 and var d && d < meta.DataPageOffset ? d : meta.DataPageOffset;
        var size = meta.TotalCompressedSize;
        if (start < 4 || size < 0 || start + size > Length - 8 || size > int.MaxValue)
            throw new ParquetFormatException($"column chunk range [{start}, {start + size}) is outside the file's {Length} bytes", FooterOffset, column.Name);
        if (meta.NumValues < 0 || (column.Shape == ColumnShape.Flat && meta.NumValues != group.NumRows))
            throw new ParquetFormatException($"column chunk has {meta.NumValues} values for {group.NumRows} rows", start, column.Name);
        var bytes = await ReadAsync(_stream, start, (int)size, cancellationToken).ConfigureAwait(false);
        var capacity = (int)Math.Min(meta.NumValues, 1 << 16);
        return new ColumnChunkReader(column, meta, asString, capacity).Read(bytes, start, group.NumRows);
    }

    private static async Task<byte[]> ReadAsync(Stream stream, long offset, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        stream.Seek(offset, SeekOrigin.Begin);
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }
}
