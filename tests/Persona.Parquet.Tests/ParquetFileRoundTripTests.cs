using Persona.Tests;

namespace Persona.Parquet.Tests;

public sealed class ParquetFileRoundTripTests
{
    public static TheoryData<ParquetCompression, bool> Codecs => new()
    {
        { ParquetCompression.Uncompressed, false },
        { ParquetCompression.Uncompressed, true },
        { ParquetCompression.Snappy, true },
        { ParquetCompression.Gzip, false },
    };

    [Theory]
    [MemberData(nameof(Codecs))]
    public async Task WriteAsync_EveryTypeAndNullability_ReadsBackIdentical(ParquetCompression compression, bool dictionary)
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = AllTypesRecord.Sample(500);
        var options = new ParquetWriteOptions { Compression = compression, UseDictionary = dictionary };
        using var stream = new MemoryStream();
        await ParquetFile.WriteAsync(stream, rows, AllTypesRecord.Map, options, ct);

        stream.Position = 0;
        var back = await ParquetFile.ReadAsync(stream, AllTypesRecord.Map, ct).ToListAsync(ct);

        RecordComparer.Equal(rows, back);
    }

    [Fact]
    public async Task WriteAsync_SmallRowGroupsAndPages_SplitsAndReadsBackInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = AllTypesRecord.Sample(3000, seed: 11);
        var options = new ParquetWriteOptions { RowGroupMaxRows = 700, PageSize = 1024, Compression = ParquetCompression.Snappy };
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("rows.parquet");
        await ParquetFile.WriteAsync(path, rows, AllTypesRecord.Map, options, ct);

        var schema = await ParquetFile.ReadSchemaAsync(path, ct);
        var back = await ParquetFile.ReadAsync(path, AllTypesRecord.Map, ct).ToListAsync(ct);

        Assert.Equal(3000, schema.RowCount);
        Assert.Equal(5, schema.RowGroupCount);
        RecordComparer.Equal(rows, back);
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy, true, 1024, 4096)]
    [InlineData(ParquetCompression.Snappy, false, 2048, 20_000)]
    [InlineData(ParquetCompression.Snappy, true, 64 << 10, 64L << 20)]
    [InlineData(ParquetCompression.Gzip, true, 1024, 8192)]
    public async Task WriteAsync_CompressInBackground_WritesTheSameBytes(ParquetCompression compression, bool dictionary, int pageSize, long rowGroupBytes)
    {
        // Small pages and byte-bounded row groups make the row-group checks meet pages still being compressed.
        var ct = TestContext.Current.CancellationToken;
        var rows = AllTypesRecord.Sample(4000, seed: 5);
        var options = new ParquetWriteOptions { Compression = compression, UseDictionary = dictionary, PageSize = pageSize, RowGroupMaxBytes = rowGroupBytes };
        using var inline = new MemoryStream();
        using var background = new MemoryStream();

        await ParquetFile.WriteAsync(inline, rows, AllTypesRecord.Map, options, ct);
        await ParquetFile.WriteAsync(background, rows, AllTypesRecord.Map, options with { CompressInBackground = true }, ct);

        Assert.Equal(inline.ToArray(), background.ToArray());
        background.Position = 0;
        RecordComparer.Equal(rows, await ParquetFile.ReadAsync(background, AllTypesRecord.Map, ct).ToListAsync(ct));
    }

    [Fact]
    public async Task WriteAsync_NoRows_WritesReadableEmptyFile()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stream = new MemoryStream();
        await ParquetFile.WriteAsync(stream, Array.Empty<AllTypesRecord>(), AllTypesRecord.Map, cancellationToken: ct);

        stream.Position = 0;
        var back = await ParquetFile.ReadAsync(stream, AllTypesRecord.Map, ct).ToListAsync(ct);

        Assert.Empty(back);
    }

    [Fact]
    public async Task ReadAsync_ColumnsReorderedWithExtras_MatchesByName()
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = AllTypesRecord.Sample(50);
        using var stream = new MemoryStream();
        await ParquetFile.WriteAsync(stream, rows, AllTypesRecord.Map, cancellationToken: ct);
        var subset = new ParquetMapBuilder<(string Id, int? MaybeCount, IReadOnlyList<string?>? Tags)>()
            .Column("tags", r => r.Tags, nullable: true)
            .Column("maybe_count", r => r.MaybeCount)
            .Column("id", r => r.Id)
            .Build(row => (row.GetString(2), row.GetInt32OrNull(1), row.GetStringList(0)));

        stream.Position = 0;
        var back = await ParquetFile.ReadAsync(stream, subset, ct).ToListAsync(ct);

        Assert.Equal(rows.Select(r => r.Id), back.Select(b => b.Id));
        Assert.Equal(rows.Select(r => r.MaybeCount), back.Select(b => b.MaybeCount));
        Assert.Equal(rows.Select(r => r.Tags is null), back.Select(b => b.Tags is null));
    }

    [Fact]
    public async Task ReadAsync_MissingColumn_ErrorNamesColumn()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stream = new MemoryStream();
        await ParquetFile.WriteAsync(stream, AllTypesRecord.Sample(3), AllTypesRecord.Map, cancellationToken: ct);
        var map = new ParquetMapBuilder<string>().Column("nope", s => s).Build(row => row.GetString(0));

        stream.Position = 0;
        var ex = await Assert.ThrowsAsync<ParquetFormatException>(async () => await ParquetFile.ReadAsync(stream, map, ct).ToListAsync(ct));

        Assert.Equal("nope", ex.Column);
        Assert.Contains("no column 'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_IncompatibleType_ErrorNamesColumnAndTypes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stream = new MemoryStream();
        await ParquetFile.WriteAsync(stream, AllTypesRecord.Sample(3), AllTypesRecord.Map, cancellationToken: ct);
        var map = new ParquetMapBuilder<int>().Column("title", s => s).Build(row => row.GetInt32(0));

        stream.Position = 0;
        var ex = await Assert.ThrowsAsync<ParquetFormatException>(async () => await ParquetFile.ReadAsync(stream, map, ct).ToListAsync(ct));

        Assert.Equal("title", ex.Column);
        Assert.Contains("BYTE_ARRAY STRING", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NullInRequiredColumn_ErrorNamesRowAndColumn()
    {
        var ct = TestContext.Current.CancellationToken;
        var map = new ParquetMapBuilder<string?>().Column("text", s => s).Build();
        using var stream = new MemoryStream();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ParquetFile.WriteAsync(stream, ["a", null], map, cancellationToken: ct));

        Assert.Contains("row 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'text'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_PathWhenWriteFails_LeavesPreviousFileIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("keep.parquet");
        var map = new ParquetMapBuilder<string?>().Column("text", s => s).Build(row => row.GetString(0));
        await ParquetFile.WriteAsync(path, ["old"], map, cancellationToken: ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ParquetFile.WriteAsync(path, ["new", null], map, cancellationToken: ct));

        Assert.Equal(["old"], await ParquetFile.ReadAsync(path, map, ct).ToListAsync(ct));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task ReadSchemaAsync_WrittenFile_DescribesColumns()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stream = new MemoryStream();
        await ParquetFile.WriteAsync(stream, AllTypesRecord.Sample(10), AllTypesRecord.Map, cancellationToken: ct);

        stream.Position = 0;
        var schema = await ParquetFile.ReadSchemaAsync(stream, ct);

        Assert.Equal(10, schema.RowCount);
        Assert.Equal(AllTypesRecord.Map.Columns.Select(c => c.Name), schema.Columns.Select(c => c.Name));
        Assert.Equal(AllTypesRecord.Map.Columns.Select(c => c.Type), schema.Columns.Select(c => c.Type!.Value));
        Assert.Equal(AllTypesRecord.Map.Columns.Select(c => c.Nullable), schema.Columns.Select(c => c.Nullable));
        var created = schema.Columns.Single(c => c.Name == "created");
        Assert.Equal("INT64 TIMESTAMP(UTC, MICROS)", created.StorageType);
        Assert.Equal("LIST<BYTE_ARRAY STRING>", schema.Columns.Single(c => c.Name == "tags").StorageType);
        Assert.Contains("10 rows in 1 row group", schema.ToString(), StringComparison.Ordinal);
    }
}
