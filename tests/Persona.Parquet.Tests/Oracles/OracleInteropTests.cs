using System.Text.Json.Nodes;
using Persona.Tests;

namespace Persona.Parquet.Tests.Oracles;

/// <summary>
/// Independent implementations agree with us: hyparquet (JS) and DuckDB (C++) read the files we
/// write to the same rows our reader returns, and we read DuckDB's own files to the rows DuckDB and
/// hyparquet return.
/// </summary>
public sealed class OracleInteropTests
{
    public static TheoryData<ParquetCompression, bool> WriteConfigurations => new()
    {
        { ParquetCompression.Uncompressed, false },
        { ParquetCompression.Snappy, true },
        { ParquetCompression.Gzip, true },
    };

    [Theory]
    [MemberData(nameof(WriteConfigurations))]
    public async Task WriteAsync_EveryType_OraclesReadSameRows(ParquetCompression compression, bool dictionary)
    {
        NodeOracle.RequireAvailable();
        var ct = TestContext.Current.CancellationToken;
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("ours.parquet");
        var options = new ParquetWriteOptions { Compression = compression, UseDictionary = dictionary, RowGroupMaxRows = 400, PageSize = 4096 };
        await ParquetFile.WriteAsync(path, AllTypesRecord.Sample(1000), AllTypesRecord.Map, options, ct);
        var names = AllTypesRecord.Map.Columns.Select(c => c.Name).ToList();
        var ours = await ParquetFile.ReadRowsAsync(path, ct).ToListAsync(ct);

        var hyparquet = await NodeOracle.ReadRowsAsync("hyparquet-read.mjs", path, ct);
        var duckdb = await NodeOracle.ReadRowsAsync("duckdb-read.mjs", path, ct);

        CanonicalJson.AssertEqual(hyparquet, CanonicalJson.Rows(names, ours));
        CanonicalJson.AssertEqual(duckdb, CanonicalJson.Rows(names, ours.Select(MicrosTimestamps)));
    }

    [Theory]
    [InlineData("snappy")]
    [InlineData("zstd")]
    [InlineData("gzip")]
    public async Task ReadRowsAsync_DuckDbWrittenFile_MatchesOracles(string codec)
    {
        NodeOracle.RequireAvailable();
        var ct = TestContext.Current.CancellationToken;
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine($"duck-{codec}.parquet");
        const string Query = """
            SELECT i::INTEGER AS i32,
                   (i * 1000003)::BIGINT - 5000000 AS i64,
                   CASE WHEN i % 7 = 0 THEN NULL ELSE i / 3.0 END AS dbl,
                   (i / 8.0)::FLOAT AS flt,
                   i % 3 = 0 AS flag,
                   CASE WHEN i % 5 = 0 THEN NULL ELSE 'mode-' || (i % 4) END AS category,
                   'text ' || i || repeat('é', i % 13) AS body,
                   TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i * 7919) SECOND + INTERVAL (i) MICROSECOND AS ts,
                   CASE WHEN i % 6 = 0 THEN NULL WHEN i % 6 = 1 THEN []::VARCHAR[] WHEN i % 6 = 2 THEN ['a', NULL] ELSE ['x' || (i % 3), 'y'] END AS tags
            FROM range(5000) t(i)
            """;
        await NodeOracle.RunAsync("duckdb-write.mjs", [path, Query, $"COMPRESSION {codec}, ROW_GROUP_SIZE 2048"], ct);
        var schema = await ParquetFile.ReadSchemaAsync(path, ct);
        var ours = await ParquetFile.ReadRowsAsync(path, ct).ToListAsync(ct);
        var names = schema.Columns.Select(c => c.Name).ToList();

        var duckdb = await NodeOracle.ReadRowsAsync("duckdb-read.mjs", path, ct);
        var hyparquet = await NodeOracle.ReadRowsAsync("hyparquet-read.mjs", path, ct);

        Assert.Equal(5000, ours.Count);
        CanonicalJson.AssertEqual(duckdb, CanonicalJson.Rows(names, ours.Select(MicrosTimestamps)));
        CanonicalJson.AssertEqual(hyparquet, CanonicalJson.Rows(names, ours));
    }

    [Fact]
    public async Task ReadRowsAsync_DeltaEncodedFile_ErrorNamesColumnAndEncoding()
    {
        NodeOracle.RequireAvailable();
        var ct = TestContext.Current.CancellationToken;
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("delta.parquet");
        await NodeOracle.RunAsync("duckdb-write.mjs", [path, "SELECT (i * 17)::BIGINT AS big FROM range(3000) t(i)", "PARQUET_VERSION v2"], ct);

        var ex = await Assert.ThrowsAsync<ParquetFormatException>(async () => await ParquetFile.ReadRowsAsync(path, ct).ToListAsync(ct));

        Assert.Equal("big", ex.Column);
        Assert.Contains("DELTA_BINARY_PACKED", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Offset);
    }

    [Fact]
    public async Task ReadAsync_FileWithStructAndMap_ReadsMappedColumnsAndNamesUnsupportedOnes()
    {
        NodeOracle.RequireAvailable();
        var ct = TestContext.Current.CancellationToken;
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("nested.parquet");
        await NodeOracle.RunAsync("duckdb-write.mjs", [path, "SELECT i::INTEGER AS ok, {'a': i, 'b': 'x'} AS point, MAP {'k': i} AS props FROM range(3) t(i)", ""], ct);
        var map = new ParquetMapBuilder<int>().Column("ok", i => i).Build(row => row.GetInt32(0));

        var values = await ParquetFile.ReadAsync(path, map, ct).ToListAsync(ct);
        var schema = await ParquetFile.ReadSchemaAsync(path, ct);
        var ex = await Assert.ThrowsAsync<ParquetFormatException>(async () => await ParquetFile.ReadRowsAsync(path, ct).ToListAsync(ct));

        Assert.Equal([0, 1, 2], values);
        Assert.Contains("nested struct", schema.Columns.Single(c => c.Name == "point").Unsupported, StringComparison.Ordinal);
        Assert.Contains("MAP", schema.Columns.Single(c => c.Name == "props").Unsupported, StringComparison.Ordinal);
        Assert.Equal("point", ex.Column);
        Assert.Contains("nested struct", ex.Message, StringComparison.Ordinal);
    }

    private static object?[] MicrosTimestamps(object?[] row) =>
        [.. row.Select(v => v is ParquetTimestamp ts ? ToMicros(ts) : v)];

    private static ParquetTimestamp ToMicros(ParquetTimestamp ts) => ts.Unit switch
    {
        ParquetTimeUnit.Millis => ts with { Raw = ts.Raw * 1000, Unit = ParquetTimeUnit.Micros },
        ParquetTimeUnit.Nanos => ts with { Raw = Math.DivRem(ts.Raw, 1000, out var r) - (r < 0 ? 1 : 0), Unit = ParquetTimeUnit.Micros },
        _ => ts,
    };
}
