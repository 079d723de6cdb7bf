using System.Text.Json.Nodes;
using Persona.Tests;

namespace Persona.Parquet.Tests.Oracles;

/// <summary>
/// DuckDB prunes row groups with our min/max statistics; filtered counts equal to the true counts
/// show the statistics are never wrong (a too-narrow range would drop rows).
/// </summary>
public sealed class StatisticsOracleTests
{
    private sealed record Row(int Id, long Big, double Score, string Text, DateTimeOffset At, bool Flag);

    private static readonly ParquetMap<Row> Map = new ParquetMapBuilder<Row>()
        .Column("id", r => r.Id)
        .Column("big", r => r.Big)
        .Column("score", r => r.Score)
        .Column("text", r => r.Text)
        .Column("at", r => r.At, ParquetTimeUnit.Millis)
        .Column("flag", r => r.Flag)
        .Build();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WriteAsync_Statistics_DuckDbFilteredCountsAreExact(bool dictionary)
    {
        NodeOracle.RequireAvailable();
        var ct = TestContext.Current.CancellationToken;
        var texts = new[] { "apple", "zebra", "é accent", "\uFFFD replacement", "😀 emoji", "", "Zulu", "a" };
        var random = new Random(5);
        var rows = Enumerable.Range(0, 4000).Select(i => new Row(
            i - 2000,
            (long)(random.NextDouble() * 1e12) * (i % 2 == 0 ? 1 : -1),
            i % 50 == 0 ? -0.0 : (i - 1000) * 0.5,
            texts[(i / 500) % texts.Length] + (i / 1000),
            DateTimeOffset.UnixEpoch.AddMilliseconds(((long)i * 86_400_000L) - 1_000_000_000_000L),
            i % 1000 < 10)).ToList();
        using var dir = TestPaths.CreateTempDirectory();
        var path = dir.Combine("stats.parquet");
        await ParquetFile.WriteAsync(path, rows, Map, new ParquetWriteOptions { RowGroupMaxRows = 500, UseDictionary = dictionary }, ct);
        var file = path.Replace("'", "''", StringComparison.Ordinal);

        var checks = new (string Where, int Expected)[]
        {
            ("id > 1500", rows.Count(r => r.Id > 1500)),
            ("id < -1990", rows.Count(r => r.Id < -1990)),
            ("big > 900000000000", rows.Count(r => r.Big > 900_000_000_000)),
            ("big < -900000000000", rows.Count(r => r.Big < -900_000_000_000)),
            ("score >= 1499.5", rows.Count(r => r.Score >= 1499.5)),
            ("score < -499", rows.Count(r => r.Score < -499)),
            ("score = 0", rows.Count(r => r.Score == 0)),
            ("text > '\uFFFD'", rows.Count(r => string.CompareOrdinal(Utf8Key(r.Text), Utf8Key("\uFFFD")) > 0)),
            ("text = 'zebra0'", rows.Count(r => r.Text == "zebra0")),
            ("text < 'Zulu'", rows.Count(r => string.CompareOrdinal(Utf8Key(r.Text), Utf8Key("Zulu")) < 0)),
            ("\"at\" > TIMESTAMP '1990-01-01'", rows.Count(r => r.At > new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero))),
            ("flag", rows.Count(r => r.Flag)),
            // Extremes: a min or max statistic off by one unit makes DuckDB skip the row group holding it.
            ($"big = {rows.Max(r => r.Big)}", 1),
            ($"big = {rows.Min(r => r.Big)}", 1),
            ($"id = {rows.Max(r => r.Id)}", 1),
            ($"id = {rows.Min(r => r.Id)}", 1),
            ($"score = {rows.Max(r => r.Score)}", 1),
            ($"text = '{rows.MaxBy(r => Utf8Key(r.Text), StringComparer.Ordinal)!.Text}'", rows.Count(r => r.Text == rows.MaxBy(x => Utf8Key(x.Text), StringComparer.Ordinal)!.Text)),
            ($"text = '{rows.MinBy(r => Utf8Key(r.Text), StringComparer.Ordinal)!.Text}'", rows.Count(r => r.Text == rows.MinBy(x => Utf8Key(x.Text), StringComparer.Ordinal)!.Text)),
            ($"epoch_ms(\"at\") = {rows.Max(r => r.At).ToUnixTimeMilliseconds()}", 1),
        };
        var sql = string.Join(" UNION ALL ", checks.Select((c, i) => $"SELECT {i} AS k, count(*)::INTEGER AS n FROM read_parquet('{file}') WHERE {c.Where}"));

        var result = JsonNode.Parse(await NodeOracle.RunAsync("duckdb-query.mjs", [sql + " ORDER BY k"], ct))!["rows"]!.AsArray();

        for (var i = 0; i < checks.Length; i++)
            Assert.True(checks[i].Expected == (int)result[i]!["n"]!, $"{checks[i].Where}: DuckDB counted {result[i]!["n"]}, expected {checks[i].Expected}");
    }

    /// <summary>A string whose ordinal UTF-16 order equals the UTF-8 byte order of <paramref name="s"/>.</summary>
    private static string Utf8Key(string s) => string.Concat(System.Text.Encoding.UTF8.GetBytes(s).Select(b => (char)b));
}
