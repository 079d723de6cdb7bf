using System.Text.Json.Nodes;
using Persona.Tests;

namespace Persona.Parquet.Tests;

/// <summary>Files written by other implementations read to the rows their oracle dump lists.</summary>
public sealed class ParquetSampleFileTests
{
    public static TheoryData<string> Samples => new()
    {
        "alltypes_plain",
        "data_index_bloom_encoding_stats",
        "issue_5533_timestamp_ms_stats",
        "list_columns",
        "timestamp",
        "zstd",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ReadRowsAsync_SampleFile_MatchesExpectedRows(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var path = TestPaths.RequireShared("parquet-samples", name + ".parquet");
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(path, ".rows.json"), ct))!["rows"];

        var schema = await ParquetFile.ReadSchemaAsync(path, ct);
        var rows = await ParquetFile.ReadRowsAsync(path, ct).ToListAsync(ct);

        CanonicalJson.AssertEqual(expected, CanonicalJson.Rows([.. schema.Columns.Select(c => c.Name)], rows));
    }
}
