using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Persona.Tensors.Formats;

/// <summary>
/// A read-only memory-mapped file with bounds-checked typed reads: a read past the end becomes a
/// <see cref="ModelFormatException"/> naming the offset, never an access violation or a huge allocation.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _base;

    public MappedFile(string path)
    {
        Path = path;
        Length = new FileInfo(path).Length;
        if (Length == 0)
            return;
        _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + _view.PointerOffset;
    }

    public string Path { get; }

    public long Length { get; }

    public void Require(long offset, long count, string what)
    {
        if (offset < 0 || count < 0 || offset > Length || count > Length - offset)
            throw ModelFormatException.At(Path, offset, $"{what} needs {count} bytes but the file has {Math.Max(0, Length - offset)} left");
    }

    public ReadOnlySpan<byte> Bytes(long offset, int count, string what)
    {
        Require(offset, count, what);
        return new ReadOnlySpan<byte>(_base + offset, count);
    }

    public int Int32(long offset, string what) => MemoryMarshal.Read<int>(Bytes(offset, 4, what));

    public uint UInt32(long offset, string what) => MemoryMarshal.Read<uint>(Bytes(offset, 4, what));

    public long Int64(long offset, string what) => MemoryMarshal.Read<long>(Bytes(offset, 8, what));

    public ulong UInt64(long offset, string what) => MemoryMarshal.Read<ulong>(Bytes(offset, 8, what));

    public float Single(long offset, string what) => MemoryMarshal.Read<float>(Bytes(offset, 4, what));

    /// <summary>Converts <paramref name="count"/> elements of <paramref name="type"/> at <paramref name="offset"/> to f32.</summary>
    public float[] Floats(long offset, long count, TensorDataType type, string what)
    {
        var bytes = TensorDataTypes.ByteCount(type, count);
        if (bytes < 0)
            throw ModelFormatException.At(Path, offset, $"{what}: {count} elements is not a whole number of {type} blocks");
        Require(offset, bytes, what);
        if (count > Array.MaxLength)
            throw ModelFormatException.At(Path, offset, $"{what}: {count} elements is more than one array can hold");
        var result = new float[count];
        TensorDataTypes.ToSingle(type, _base + offset, result);
        return result;
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _map?.Dispose();
    }
}
