using System.Text;
using System.Text.Json;

namespace Persona.Tensors.Formats;

/// <summary>
/// A mapped <c>.safetensors</c> file: u64 LE header length, a JSON header {name: {dtype, shape, data_offsets}},
/// then the byte buffer. Offsets, sizes and shapes are validated against the file before use.
/// </summary>
internal sealed class SafetensorsFile : IDisposable
{
    private const long MaxHeaderBytes = 100_000_000;
    private readonly MappedFile _file;

    private SafetensorsFile(string path)
    {
        _file = new MappedFile(path);
    }

    public string Path => _file.Path;

    public Dictionary<string, (TensorDataType Type, long[] Shape, long Begin, long End)> Tensors { get; } = new(StringComparer.Ordinal);

    private long DataStart { get; set; }

    public static SafetensorsFile Open(string path)
    {
        var file = new SafetensorsFile(path);
        try
        {
            file.ParseHeader();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public float[] Read(string name, long expectedCount)
    {
        if (!Tensors.TryGetValue(name, out var info))
            throw ModelFormatException.In(Path, $"tensor '{name}' is missing");
        var count = info.Shape.Aggregate(1L, (a, b) => a * b);
        if (count != expectedCount)
            throw ModelFormatException.In(Path, $"tensor '{name}' has shape [{string.Join(", ", info.Shape)}] ({count} values), expected {expectedCount}");
        return _file.Floats(DataStart + info.Begin, count, info.Type, $"data of tensor '{name}'");
    }

    public void Dispose() => _file.Dispose();

    private void ParseHeader()
    {
        var headerLength = (long)_file.UInt64(0, "header length");
        if (headerLength is <= 0 or > MaxHeaderBytes || headerLength > _file.Length - 8)
            throw ModelFormatException.At(Path, 0, $"header length {headerLength} is impossible for a {_file.Length}-byte file");
        DataStart = 8 + headerLength;
        var bufferLength = _file.Length - DataStart;
        JsonDocument header;
        try
        {
            header = JsonDocument.Parse(Encoding.UTF8.GetString(_file.Bytes(8, (int)headerLength, "JSON header")));
        }
        catch (JsonException ex)
        {
            throw ModelFormatException.At(Path, 8 + (ex.BytePositionInLine ?? 0), "header is not valid JSON: " + ex.Message);
        }

        using (header)
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object)
                throw ModelFormatException.At(Path, 8, "header is not a JSON object");
            foreach (var entry in header.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                    continue;
                var name = entry.Name;
                var e = entry.Value;
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("dtype", out var dtype) || !e.TryGetProperty("shape", out var shapeElement)
                    || !e.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2
                    || shapeElement.ValueKind != JsonValueKind.Array)
                    throw ModelFormatException.In(Path, $"tensor '{name}': header entry needs dtype, shape and data_offsets [begin, end]");
                var type = dtype.GetString() switch
                {
                    "F32" => TensorDataType.F32,
                    "F16" => TensorDataType.F16,
                    "BF16" => TensorDataType.BF16,
                    var other => throw ModelFormatException.In(Path, $"tensor '{name}' has dtype {other}; F32, F16 and BF16 are supported"),
                };
                var shape = shapeElement.EnumerateArray().Select(s => s.TryGetInt64(out var v) && v >= 0 ? v : -1).ToArray();
                if (shape.Any(s => s < 0) || shape.Any(s => s > int.MaxValue))
                    throw ModelFormatException.In(Path, $"tensor '{name}' has an invalid shape");
                if (!offsets[0].TryGetInt64(out var begin) || !offsets[1].TryGetInt64(out var end) || begin < 0 || end < begin || end > bufferLength)
                    throw ModelFormatException.In(Path, $"tensor '{name}' has data_offsets outside the {bufferLength}-byte buffer");
                var count = shape.Aggregate(1.0, (a, b) => a * b);
                if (count * (type == TensorDataType.F32 ? 4 : 2) != end - begin)
                    throw ModelFormatException.At(Path, DataStart + begin, $"tensor '{name}' spans {end - begin} bytes but shape [{string.Join(", ", shape)}] of {type} needs {count * (type == TensorDataType.F32 ? 4 : 2)}");
                Tensors[name] = (type, shape, begin, end);
            }
        }
    }
}
