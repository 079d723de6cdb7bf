namespace Persona.Parquet.Tests;

/// <summary>A record with every column type the typed layer supports, required and nullable.</summary>
public sealed record AllTypesRecord(
    string Id,
    string? Title,
    bool Flag,
    bool? MaybeFlag,
    int Count,
    int? MaybeCount,
    long Big,
    long? MaybeBig,
    float Ratio,
    float? MaybeRatio,
    double Score,
    double? MaybeScore,
    DateTimeOffset Created,
    DateTimeOffset? Edited,
    DateTimeOffset? EditedMillis,
    IReadOnlyList<string?>? Tags,
    IReadOnlyList<string?> Labels)
{
    public static readonly ParquetMap<AllTypesRecord> Map = new ParquetMapBuilder<AllTypesRecord>()
        .Column("id", r => r.Id)
        .Column("title", r => r.Title, nullable: true)
        .Column("flag", r => r.Flag)
        .Column("maybe_flag", r => r.MaybeFlag)
        .Column("count", r => r.Count)
        .Column("maybe_count", r => r.MaybeCount)
        .Column("big", r => r.Big)
        .Column("maybe_big", r => r.MaybeBig)
        .Column("ratio", r => r.Ratio)
        .Column("maybe_ratio", r => r.MaybeRatio)
        .Column("score", r => r.Score)
        .Column("maybe_score", r => r.MaybeScore)
        .Column("created", r => r.Created)
        .Column("edited", r => r.Edited, ParquetTimeUnit.Micros)
        .Column("edited_ms", r => r.EditedMillis, ParquetTimeUnit.Millis)
        .Column("tags", r => r.Tags, nullable: true)
        .Column("labels", r => r.Labels)
        .Build(row => new AllTypesRecord(
            row.GetString(0),
            row.GetStringOrNull(1),
            row.GetBoolean(2),
            row.GetBooleanOrNull(3),
            row.GetInt32(4),
            row.GetInt32OrNull(5),
            row.GetInt64(6),
            row.GetInt64OrNull(7),
            row.GetSingle(8),
            row.GetSingleOrNull(9),
            row.GetDouble(10),
            row.GetDoubleOrNull(11),
            row.GetTimestamp(12),
            row.GetTimestampOrNull(13),
            row.GetTimestampOrNull(14),
            row.GetStringList(15),
            row.GetStringList(16)!));

    /// <summary>Deterministic rows covering nulls, empty and null lists, null elements, extremes and non-ASCII text.</summary>
    public static List<AllTypesRecord> Sample(int count, int seed = 7)
    {
        var random = new Random(seed);
        var words = new[] { "alpha", "beta", "γάμμα", "дельта", "😀 emoji", "", "long " + new string('x', 300) };
        var rows = new List<AllTypesRecord>(count);
        var epoch = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < count; i++)
        {
            var created = epoch.AddTicks((long)(random.NextDouble() * 2e18) - (long)1e18 / 10 * (i % 3 == 0 ? 1 : 0));
            created = new DateTimeOffset(created.UtcTicks - (created.UtcTicks % 10), TimeSpan.Zero); // micros precision
            DateTimeOffset? edited = i % 4 == 0 ? null : created.AddMinutes(i);
            DateTimeOffset? editedMs = i % 5 == 0 ? null : new DateTimeOffset(created.UtcTicks - (created.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            IReadOnlyList<string?>? tags = (i % 6) switch
            {
                0 => null,
                1 => [],
                2 => [words[i % words.Length], null],
                3 => [null],
                _ => [.. Enumerable.Range(0, i % 5 + 1).Select(k => words[(i + k) % words.Length])],
            };
            rows.Add(new AllTypesRecord(
                $"m-{i:D6}",
                i % 3 == 0 ? null : words[i % words.Length],
                i % 2 == 0,
                i % 3 == 0 ? null : i % 2 == 1,
                i == 1 ? int.MinValue : i == 2 ? int.MaxValue : random.Next(-1000, 1000),
                i % 7 == 0 ? null : i,
                i == 1 ? long.MinValue : i == 2 ? long.MaxValue : random.NextInt64(),
                i % 2 == 0 ? null : -i,
                (float)random.NextDouble(),
                i % 3 == 1 ? null : i == 5 ? float.NaN : -i / 3f,
                i == 4 ? double.NegativeInfinity : random.NextDouble() * 1e6,
                i % 2 == 1 ? null : i == 6 ? -0.0 : i / 7.0,
                created,
                edited,
                editedMs,
                tags,
                i % 2 == 0 ? [] : ["x", $"label {i % 3}"]));
        }

        return rows;
    }
}
