using System.Globalization;
using System.Text.Json.Nodes;

namespace Persona.Parquet.Tests;

/// <summary>
/// Renders rows of the untyped reader in the oracle dump convention (INT64 as decimal strings,
/// timestamps as <c>{"$ts","unit","raw"}</c>, binary as <c>{"$b64"}</c>, NaN/±Infinity as strings) and
/// compares JSON trees with numbers compared by value.
/// </summary>
internal static class CanonicalJson
{
    public static JsonArray Rows(IReadOnlyList<string> names, IEnumerable<object?[]> rows)
    {
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var obj = new JsonObject();
            for (var i = 0; i < names.Count; i++)
                obj[names[i]] = Value(row[i]);
            array.Add(obj);
        }

        return array;
    }

    public static JsonNode? Value(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int i => i,
        uint u => u,
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        float f => Number(f),
        double d => Number(d),
        byte[] bytes => new JsonObject { ["$b64"] = Convert.ToBase64String(bytes) },
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ParquetTimestamp ts => new JsonObject
        {
            ["unit"] = ts.Unit.ToString().ToUpperInvariant(),
            ["raw"] = ts.Raw.ToString(CultureInfo.InvariantCulture),
        },
        object?[] items => new JsonArray([.. items.Select(Value)]),
        _ => throw new ArgumentException($"unexpected value type {value.GetType()}"),
    };

    /// <summary>Asserts equality; <c>$ts</c> display strings are ignored (raw and unit carry the value).</summary>
    public static void AssertEqual(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                return;
            case JsonObject eo:
            {
                Assert.True(actual is JsonObject, $"{path}: expected {eo.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                var ao = (JsonObject)actual!;
                var keys = eo.Select(kv => kv.Key).Where(k => k != "$ts").ToList();
                Assert.Equal(keys.Order(StringComparer.Ordinal), ao.Select(kv => kv.Key).Where(k => k != "$ts").Order(StringComparer.Ordinal));
                foreach (var key in keys)
                    AssertEqual(eo[key], ao[key], path + "." + key);
                return;
            }

            case JsonArray ea:
            {
                Assert.True(actual is JsonArray, $"{path}: expected {ea.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                var aa = (JsonArray)actual!;
                Assert.True(ea.Count == aa.Count, $"{path}: expected {ea.Count} items, got {aa.Count}");
                for (var i = 0; i < ea.Count; i++)
                    AssertEqual(ea[i], aa[i], $"{path}[{i}]");
                return;
            }

            default:
            {
                Assert.True(actual is JsonValue, $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                var ev = expected.AsValue();
                var av = actual!.AsValue();
                if (ev.TryGetValue<double>(out var ed) && av.TryGetValue<double>(out var ad))
                {
                    Assert.True(ed == ad, $"{path}: expected {ed}, got {ad}");
                    return;
                }

                Assert.True(expected.ToJsonString() == actual.ToJsonString(), $"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
                return;
            }
        }
    }

    private static JsonNode Number(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : JsonValue.Create(d == 0 ? 0.0 : d);
}
