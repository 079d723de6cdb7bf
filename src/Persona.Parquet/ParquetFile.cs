using System.Runtime.CompilerServices;
using Persona.Parquet.Reading;
using Persona.Parquet.Writing;

namespace Persona.Parquet;

/// <summary>Reads and writes Parquet files through a <see cref="ParquetMap{T}"/>.</summary>
public static class ParquetFile
{
    public static Task WriteAsync<T>(Stream stream, IEnumerable<T> rows, ParquetMap<T> map, ParquetWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(stream, ToAsync(rows), map, options, cancellationToken);
    }

    public static async Task WriteAsync<T>(Stream stream, IAsyncEnumerable<T> rows, ParquetMap<T> map, ParquetWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(map);
        options ??= ParquetWriteOptions.Default;
        options.Validate();
        using var writer = new ParquetFileWriter(stream, map.ColumnArray, options);
        await writer.StartAsync(cancellationToken).ConfigureAwait(false);
        var appenders = map.Writers;
        var columns = writer.Columns;
        long index = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                for (var i = 0; i < appenders.Length; i++)
                    appenders[i](row, columns[i]);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException($"row {index}: {ex.Message}", ex);
            }

            index++;
            if (writer.RowCompleted())
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes to <paramref name="path"/> through a temporary file renamed into place, so a failure leaves any previous file intact.</summary>
    public static Task WriteAsync<T>(string path, IEnumerable<T> rows, ParquetMap<T> map, ParquetWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(path, ToAsync(rows), map, options, cancellationToken);
    }

    public static async Task WriteAsync<T>(string path, IAsyncEnumerable<T> rows, ParquetMap<T> map, ParquetWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await WriteAsync(stream, rows, map, options, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>Streams records row group by row group; columns are matched to the map by name.</summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(string path, ParquetMap<T> map, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using var stream = OpenRead(path);
        await foreach (var item in ReadAsync(stream, map, cancellationToken).ConfigureAwait(false))
            yield return item;
    }

    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, ParquetMap<T> map, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(map);
        var materialize = map.Materialize ?? throw new InvalidOperationException("this map was built without a materializer; pass one to Build to read");
        var reader = await ParquetFileReader.OpenAsync(stream, cancellationToken).ConfigureAwait(false);
        var bound = Bind(reader, map.ColumnArray);
        long rowIndex = 0;
        for (var g = 0; g < reader.Metadata.RowGroups.Count; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var data = new ColumnData[bound.Length];
            for (var c = 0; c < bound.Length; c++)
                data[c] = await reader.ReadColumnAsync(g, bound[c], asString: true, cancellationToken).ConfigureAwait(false);
            var row = new ParquetRow(data, map.ColumnArray);
            var rows = (int)reader.Metadata.RowGroups[g].NumRows;
            for (var r = 0; r < rows; r++)
            {
                row.MoveTo(r, rowIndex++);
                yield return materialize(row);
            }
        }
    }

    /// <summary>
    /// Reads every row as an array of values in schema column order, without a map: strings,
    /// <c>byte[]</c>, <c>bool</c>, <c>int</c>, <c>long</c>, <c>uint</c> and <c>ulong</c> (unsigned annotations), <c>float</c>,
    /// <c>double</c>, <see cref="DateOnly"/>, <see cref="ParquetTimestamp"/>, and <c>object?[]</c> for lists.
    /// A column this library cannot read fails with an error naming the column and the feature.
    /// </summary>
    public static async IAsyncEnumerable<object?[]> ReadRowsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using var stream = OpenRead(path);
        await foreach (var row in ReadRowsAsync(stream, cancellationToken).ConfigureAwait(false))
            yield return row;
    }

    public static async IAsyncEnumerable<object?[]> ReadRowsAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = await ParquetFileReader.OpenAsync(stream, cancellationToken).ConfigureAwait(false);
        foreach (var column in reader.Columns)
        {
            if (ValueConversion.Unsupported(column) is { } problem)
                throw new ParquetFormatException($"column cannot be read: {problem}", reader.FooterOffset, column.Name);
        }

        for (var g = 0; g < reader.Metadata.RowGroups.Count; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var data = new ColumnData[reader.Columns.Count];
            for (var c = 0; c < data.Length; c++)
            {
                var column = reader.Columns[c];
                var asString = column.Leaf!.Type == Format.PhysicalType.ByteArray && column.Leaf.LogicalType?.Kind is null or Format.LogicalKind.None or Format.LogicalKind.String or Format.LogicalKind.Json or Format.LogicalKind.Enum;
                data[c] = await reader.ReadColumnAsync(g, column, asString, cancellationToken).ConfigureAwait(false);
            }

            var rows = (int)reader.Metadata.RowGroups[g].NumRows;
            for (var r = 0; r < rows; r++)
            {
                var values = new object?[data.Length];
                for (var c = 0; c < data.Length; c++)
                    values[c] = Untyped(data[c], r);
                yield return values;
            }
        }
    }

    public static async Task<ParquetSchemaInfo> ReadSchemaAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using var stream = OpenRead(path);
        return await ReadSchemaAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<ParquetSchemaInfo> ReadSchemaAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = await ParquetFileReader.OpenAsync(stream, cancellationToken).ConfigureAwait(false);
        var columns = reader.Columns
            .Select(c => new ParquetColumnInfo(c.Name, c.Description, c.Nullable, c.Shape == ColumnShape.Unsupported ? null : c.ValueType, c.Unsupported))
            .ToList();
        var rows = reader.Metadata.RowGroups.Sum(g => g.NumRows);
        return new ParquetSchemaInfo(rows, reader.Metadata.RowGroups.Count, reader.Metadata.CreatedBy, columns);
    }

    private static object? Untyped(ColumnData data, int row)
    {
        var value = data.GetValue(row);
        if (value is object?[] items)
        {
            for (var i = 0; i < items.Length; i++)
                items[i] = ValueConversion.Convert(data.Column, items[i]);
            return items;
        }

        return ValueConversion.Convert(data.Column, value);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.RandomAccess);

    private static FileColumn[] Bind(ParquetFileReader reader, ParquetColumn[] declared)
    {
        var result = new FileColumn[declared.Length];
        for (var i = 0; i < declared.Length; i++)
        {
            var want = declared[i];
            var column = reader.Columns.Find(c => string.Equals(c.Name, want.Name, StringComparison.Ordinal))
                ?? throw new ParquetFormatException($"the file has no column '{want.Name}' (it has: {string.Join(", ", reader.Columns.Select(c => c.Name))})", reader.FooterOffset, want.Name);
            if (column.Shape == ColumnShape.Unsupported)
                throw new ParquetFormatException($"column cannot be read: {column.Unsupported}", reader.FooterOffset, want.Name);
            if (!Compatible(want.Type, column.ValueType))
                throw new ParquetFormatException($"the file stores {column.Description}, which cannot be read as {want.Type}", reader.FooterOffset, want.Name);
            result[i] = column;
        }

        return result;
    }

    private static bool Compatible(ParquetColumnType wanted, ParquetColumnType? stored) => (wanted, stored) switch
    {
        _ when wanted == stored => true,
        (ParquetColumnType.Int64, ParquetColumnType.Int32) => true,
        (ParquetColumnType.Double, ParquetColumnType.Float) => true,
        _ => false,
    };

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
