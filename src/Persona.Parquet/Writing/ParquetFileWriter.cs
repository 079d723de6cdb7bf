using Persona.Parquet.Encodings;
using Persona.Parquet.Format;
using Persona.Parquet.Thrift;

namespace Persona.Parquet.Writing;

/// <summary>
/// Writes a Parquet file to a stream row group by row group: "PAR1", the chunks of each row group as
/// they fill, then the footer. The stream need not be seekable; positions are counted here.
/// </summary>
internal sealed class ParquetFileWriter : IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();
    private readonly Stream _stream;
    private readonly ParquetWriteOptions _options;
    private readonly ByteBuffer _dictionaryPage = new(1 << 16);
    private readonly List<RowGroup> _rowGroups = [];
    private long _position;
    private int _rowsInGroup;
    private long _totalRows;

    private readonly PageCompressionWorker? _compressor;

    public ParquetFileWriter(Stream stream, IReadOnlyList<ParquetColumn> columns, ParquetWriteOptions options)
    {
        _stream = stream;
        _options = options;
        _compressor = options.CompressInBackground && options.Compression != ParquetCompression.Uncompressed ? new PageCompressionWorker() : null;
        Columns = [.. columns.Select(c => new ColumnChunkWriter(c, options, _compressor))];
    }

    public ColumnChunkWriter[] Columns { get; }

    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Magic, cancellationToken).ConfigureAwait(false);
        _position = Magic.Length;
    }

    /// <summary>Counts a completed row; true when the row group is full and should be flushed.</summary>
    public bool RowCompleted()
    {
        _rowsInGroup++;
        if (_rowsInGroup >= _options.RowGroupMaxRows)
            return true;
        if ((_rowsInGroup & 63) != 0)
            return false;
        long bytes = 0;
        long pending = 0;
        foreach (var column in Columns)
        {
            bytes += column.BufferedBytes;
            pending += column.PendingBytesAtMost;
        }

        // Pages still compressing in the background count between nothing and their largest compressed size; only
        // when the limit lies in between is the answer waited for, so row groups end exactly where they would
        // without background compression.
        if (bytes >= _options.RowGroupMaxBytes)
            return true;
        if (bytes + pending < _options.RowGroupMaxBytes)
            return false;
        bytes = 0;
        foreach (var column in Columns)
        {
            column.CompletePending();
            bytes += column.BufferedBytes;
        }

        return bytes >= _options.RowGroupMaxBytes;
    }

    public async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_rowsInGroup == 0)
            return;
        var group = new RowGroup { NumRows = _rowsInGroup, FileOffset = _position, Ordinal = (short)Math.Min(_rowGroups.Count, short.MaxValue) };
        if (_compressor is not null)
        {
            // Close every column's open page first, so their compression overlaps with finishing the others.
            foreach (var column in Columns)
                column.FlushPage();
        }

        long compressed = 0;
        foreach (var column in Columns)
        {
            var chunk = column.FinishChunk(_position, _dictionaryPage);
            await _stream.WriteAsync(_dictionaryPage.Memory, cancellationToken).ConfigureAwait(false);
            await _stream.WriteAsync(column.DataPages, cancellationToken).ConfigureAwait(false);
            _position += _dictionaryPage.Length + column.DataPages.Length;
            column.Reset();
            group.Columns.Add(chunk);
            group.TotalByteSize += chunk.MetaData!.TotalUncompressedSize;
            compressed += chunk.MetaData.TotalCompressedSize;
        }

        group.TotalCompressedSize = compressed;
        _rowGroups.Add(group);
        _totalRows += _rowsInGroup;
        _rowsInGroup = 0;
    }

    /// <summary>Stops the background compression thread, if there is one.</summary>
    public void Dispose() => _compressor?.Dispose();

    public async ValueTask FinishAsync(CancellationToken cancellationToken)
    {
        await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        var meta = new FileMetaData
        {
            Version = 1,
            Schema = SchemaBuilder.Build(Columns.Select(c => c.Column)),
            NumRows = _totalRows,
            RowGroups = _rowGroups,
            CreatedBy = _options.CreatedBy,
            ColumnOrders = _options.WriteStatistics ? Columns.Length : 0,
        };
        if (_options.Metadata is { } extra)
            meta.KeyValueMetadata.AddRange(extra.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new KeyValue(kv.Key, kv.Value)));
        var footer = new ByteBuffer(4096);
        meta.Write(new CompactWriter(footer));
        var footerLength = footer.Length;
        footer.AddInt32(footerLength);
        footer.AddRange(Magic);
        await _stream.WriteAsync(footer.Memory, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
