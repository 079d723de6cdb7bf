using System.Buffers.Binary;

using System.Text.Json;

namespace Persona.Tensors.Formats;

/// <summary>
/// Writes F32 tensors as a <c>.safetensors</c> file the way the reference writer lays it out: tensors sorted by
/// name, contiguous, header JSON padded with spaces to a multiple of 8, optional string metadata.
/// Written to a temporary file and renamed, so a reader never sees half a file.
/// </summary>
public static class SafetensorsWriter
{
    public static async Task WriteAsync(string path, IReadOnlyDictionary<string, (float[] Data, long[] Shape)> tensors, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var names = tensors.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    json.WriteString(key, value);
                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var name in names)
            {
                var (data, shape) = tensors[name];
                if (shape.Aggregate(1L, (a, b) => a * b) != data.Length)
                    throw new ArgumentException($"tensor '{name}' has {data.Length} values but shape [{string.Join(", ", shape)}]", nameof(tensors));
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var dim in shape)
                    json.WriteNumberValue(dim);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + (4L * data.Length));
                json.WriteEndArray();
                json.WriteEndObject();
                offset += 4L * data.Length;
            }

            json.WriteEndObject();
        }

        var headerBytes = header.ToArray().ToList();
        while (headerBytes.Count % 8 != 0)
            headerBytes.Add((byte)' ');
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true))
            {
                var length = new byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)headerBytes.Count);
                await stream.WriteAsync(length, cancellationToken);
                await stream.WriteAsync(headerBytes.ToArray(), cancellationToken);
                foreach (var name in names)
                {
                    var data = tensors[name].Data;
                    var bytes = new byte[4L * data.Length];
                    Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length); // little-endian hosts only (x64/arm64)
                    await stream.WriteAsync(bytes, cancellationToken);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

}
