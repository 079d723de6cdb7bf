using System.Text;

namespace Persona.Tensors.Formats;

/// <summary>
/// A parsed GGUF v3 file (ggml/include/gguf.h): header, metadata key/values and tensor infos, with the
/// file kept mapped so tensors are converted to f32 on demand. Every count and length is checked against
/// the bytes left before anything is allocated.
/// </summary>
internal sealed class GgufFile : IDisposable
{
    private readonly MappedFile _file;
    private long _position;

    private GgufFile(string path)
    {
        _file = new MappedFile(path);
    }

    public string Path => _file.Path;

    public Dictionary<string, object> Metadata { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, GgufTensorInfo> Tensors { get; } = new(StringComparer.Ordinal);

    public long DataStart { get; private set; }

    public static GgufFile Open(string path)
    {
        var gguf = new GgufFile(path);
        try
        {
            gguf.ParseHeader();
            return gguf;
        }
        catch
        {
            gguf.Dispose();
            throw;
        }
    }

    public string? String(string key) => Metadata.GetValueOrDefault(key) as string;

    public long? Integer(string key) => Metadata.GetValueOrDefault(key) switch
    {
        long l => l,
        ulong u => (long)u,
        bool b => b ? 1 : 0,
        _ => null,
    };

    public double? Real(string key) => Metadata.GetValueOrDefault(key) switch
    {
        double d => d,
        long l => l,
        _ => null,
    };

    /// <summary>The tensor converted to f32, its element count checked against <paramref name="expectedCount"/>.</summary>
    public float[] ReadTensor(string name, long expectedCount)
    {
        if (!Tensors.TryGetValue(name, out var info))
            throw ModelFormatException.In(Path, $"tensor '{name}' is missing");
        if (info.ElementCount != expectedCount)
            throw ModelFormatException.In(Path, $"tensor '{name}' has shape [{string.Join(", ", info.Shape)}] ({info.ElementCount} values), expected {expectedCount}");
        var type = info.GgmlType switch
        {
            0 => TensorDataType.F32,
            1 => TensorDataType.F16,
            2 => TensorDataType.Q4Zero,
            8 => TensorDataType.Q8Zero,
            30 => TensorDataType.BF16,
            _ => throw ModelFormatException.In(Path, $"tensor '{name}' has ggml type {info.GgmlType}, which is not supported (F32, F16, BF16, Q8_0, Q4_0 are)"),
        };
        return _file.Floats(DataStart + info.DataOffset, info.ElementCount, type, $"data of tensor '{name}'");
    }

    public void Dispose() => _file.Dispose();

    private void ParseHeader()
    {
        if (_file.Length < 24 || !_file.Bytes(0, 4, "magic").SequenceEqual("GGUF"u8))
            throw ModelFormatException.At(Path, 0, "not a GGUF file (magic \"GGUF\" missing)");
        var version = _file.UInt32(4, "version");
        if (version is < 2 or > 3)
            throw ModelFormatException.At(Path, 4, $"GGUF version {version} is not supported (2 and 3 are)");
        var tensorCount = _file.Int64(8, "tensor count");
        var kvCount = _file.Int64(16, "metadata count");
        _position = 24;
        // Each KV needs at least 8+4 bytes, each tensor info at least 8+4+4+8 bytes.
        if (kvCount < 0 || kvCount > (_file.Length - _position) / 12)
            throw ModelFormatException.At(Path, 16, $"metadata count {kvCount} cannot fit in the file");
        if (tensorCount < 0 || tensorCount > (_file.Length - _position) / 24)
            throw ModelFormatException.At(Path, 8, $"tensor count {tensorCount} cannot fit in the file");

        for (long i = 0; i < kvCount; i++)
        {
            var at = _position;
            var key = ReadString($"key of metadata entry {i}");
            var type = _file.Int32(_position, $"type of '{key}'");
            _position += 4;
            var value = ReadValue(type, key);
            if (!Metadata.TryAdd(key, value))
                throw ModelFormatException.At(Path, at, $"duplicate metadata key '{key}'");
        }

        for (long i = 0; i < tensorCount; i++)
        {
            var at = _position;
            var name = ReadString($"name of tensor {i}");
            var dims = _file.UInt32(_position, $"dimension count of '{name}'");
            _position += 4;
            if (dims is 0 or > 4)
                throw ModelFormatException.At(Path, at, $"tensor '{name}' has {dims} dimensions (1 to 4 allowed)");
            var shape = new long[dims];
            var elements = 1L;
            for (var d = 0; d < dims; d++)
            {
                shape[d] = _file.Int64(_position, $"shape of '{name}'");
                _position += 8;
                if (shape[d] < 0 || (shape[d] > 0 && elements > long.MaxValue / 8 / shape[d]))
                    throw ModelFormatException.At(Path, _position - 8, $"tensor '{name}' has an invalid dimension {shape[d]}");
                elements *= shape[d];
            }

            var ggmlType = _file.Int32(_position, $"type of '{name}'");
            var offset = (long)_file.UInt64(_position + 4, $"data offset of '{name}'");
            _position += 12;
            if (offset < 0)
                throw ModelFormatException.At(Path, _position - 8, $"tensor '{name}' has an invalid data offset");
            if (!Tensors.TryAdd(name, new GgufTensorInfo(name, shape, ggmlType, offset)))
                throw ModelFormatException.At(Path, at, $"duplicate tensor name '{name}'");
        }

        var alignment = Integer("general.alignment") ?? 32;
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0)
            throw ModelFormatException.In(Path, $"general.alignment {alignment} is not a power of two");
        DataStart = (_position + alignment - 1) / alignment * alignment;
    }

    private string ReadString(string what)
    {
        var length = _file.UInt64(_position, "length of " + what);
        if (length > (ulong)(_file.Length - _position - 8))
            throw ModelFormatException.At(Path, _position, $"{what}: string length {length} runs past the end of the file");
        var text = Encoding.UTF8.GetString(_file.Bytes(_position + 8, (int)length, what));
        _position += 8 + (long)length;
        return text;
    }

    private object ReadValue(int type, string key)
    {
        var at = _position;
        switch (type)
        {
            case 0: _position += 1; return (long)_file.Bytes(at, 1, key)[0];
            case 1: _position += 1; return (long)(sbyte)_file.Bytes(at, 1, key)[0];
            case 2: _position += 2; return (long)BitConverter.ToUInt16(_file.Bytes(at, 2, key));
            case 3: _position += 2; return (long)BitConverter.ToInt16(_file.Bytes(at, 2, key));
            case 4: _position += 4; return (long)_file.UInt32(at, key);
            case 5: _position += 4; return (long)_file.Int32(at, key);
            case 6: _position += 4; return (double)_file.Single(at, key);
            case 7: _position += 1; return _file.Bytes(at, 1, key)[0] != 0;
            case 8: return ReadString($"value of '{key}'");
            case 10: _position += 8; return _file.UInt64(at, key);
            case 11: _position += 8; return _file.Int64(at, key);
            case 12: _position += 8; return BitConverter.ToDouble(_file.Bytes(at, 8, key));
            case 9:
                var elementType = _file.Int32(_position, $"element type of '{key}'");
                var count = _file.UInt64(_position + 4, $"element count of '{key}'");
                _position += 12;
                var minSize = elementType switch { 0 or 1 or 7 => 1UL, 2 or 3 => 2UL, 4 or 5 or 6 => 4UL, 8 or 10 or 11 or 12 => 8UL, _ => 0UL };
                if (minSize == 0)
                    throw ModelFormatException.At(Path, at, $"array '{key}' has unsupported element type {elementType}");
                if (count > (ulong)(_file.Length - _position) / minSize)
                    throw ModelFormatException.At(Path, at, $"array '{key}' claims {count} elements, more than the file can hold");
                if (elementType == 8)
                {
                    var strings = new string[count];
                    for (ulong i = 0; i < count; i++)
                        strings[i] = ReadString($"element {i} of '{key}'");
                    return strings;
                }

                var values = new object[count];
                for (ulong i = 0; i < count; i++)
                    values[i] = ReadValue(elementType, key);
                return values;
            default:
                throw ModelFormatException.At(Path, at - 4, $"metadata '{key}' has unknown value type {type}");
        }
    }
}
