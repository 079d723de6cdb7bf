using System.Buffers.Binary;
using System.Text;

namespace Persona.Parquet.Thrift;

/// <summary>
/// Reads Thrift compact-protocol values from a span. Every length is checked against the bytes that
/// remain, so a corrupt struct ends in a <see cref="ParquetFormatException"/> with the file offset,
/// never an out-of-range read or a huge allocation. Unknown fields are skipped by type.
/// </summary>
internal ref struct CompactReader
{
    private const int MaxDepth = 64;
    private readonly ReadOnlySpan<byte> _data;
    private readonly long _baseOffset;
    private int _position;

    public CompactReader(ReadOnlySpan<byte> data, long baseOffset)
    {
        _data = data;
        _baseOffset = baseOffset;
    }

    public readonly int Position => _position;

    public readonly long FileOffset => _baseOffset + _position;

    /// <summary>Reads a field header; returns <see cref="CompactType.Stop"/> at the end of a struct.</summary>
    public CompactType ReadFieldHeader(ref short lastId, out short id)
    {
        var b = ReadByte();
        var type = (CompactType)(b & 0x0F);
        if (type == CompactType.Stop)
        {
            id = 0;
            return CompactType.Stop;
        }

        if (type > CompactType.Struct)
            throw Error($"invalid Thrift field type {(int)type}");
        var delta = b >> 4;
        id = delta != 0 ? (short)(lastId + delta) : (short)ReadZigZag32();
        lastId = id;
        return type;
    }

    public int ReadI32() => ReadZigZag32();

    public long ReadI64() => ReadZigZag64();

    public sbyte ReadI8() => unchecked((sbyte)ReadByte());

    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
            throw Error($"Thrift binary length {length} exceeds the {_data.Length - _position} bytes left");
        var span = _data.Slice(_position, (int)length);
        _position += (int)length;
        return span;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBinary());

    public int ReadListHeader(out CompactType elementType)
    {
        var b = ReadByte();
        elementType = (CompactType)(b & 0x0F);
        long size = b >> 4;
        if (size == 15)
            size = (long)Math.Min(ReadVarint(), long.MaxValue);
        // Every element takes at least one byte, so a count above the bytes left is corrupt.
        if (size > _data.Length - _position)
            throw Error($"Thrift list of {size} elements exceeds the {_data.Length - _position} bytes left");
        return (int)size;
    }

    public double ReadDouble()
    {
        Need(8);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public void Skip(CompactType type) => Skip(type, 0);

    public readonly ParquetFormatException Error(string message) => new("corrupt metadata: " + message, FileOffset);

    private void Skip(CompactType type, int depth)
    {
        if (depth > MaxDepth)
            throw Error("Thrift structures nested too deeply");
        switch (type)
        {
            case CompactType.BoolTrue:
            case CompactType.BoolFalse:
                break;
            case CompactType.I8:
                ReadByte();
                break;
            case CompactType.I16:
            case CompactType.I32:
            case CompactType.I64:
                ReadVarint();
                break;
            case CompactType.Double:
                Need(8);
                _position += 8;
                break;
            case CompactType.Binary:
                ReadBinary();
                break;
            case CompactType.List:
            case CompactType.Set:
            {
                var count = ReadListHeader(out var elementType);
                for (var i = 0; i < count; i++)
                {
                    if (elementType is CompactType.BoolTrue or CompactType.BoolFalse)
                        ReadByte();
                    else
                        Skip(elementType, depth + 1);
                }

                break;
            }

            case CompactType.Map:
            {
                var count = (long)ReadVarint();
                if (count == 0)
                    break;
                if (count > _data.Length - _position)
                    throw Error($"Thrift map of {count} entries exceeds the bytes left");
                var kinds = ReadByte();
                for (var i = 0; i < count; i++)
                {
                    Skip((CompactType)(kinds >> 4), depth + 1);
                    Skip((CompactType)(kinds & 0x0F), depth + 1);
                }

                break;
            }

            case CompactType.Struct:
            {
                short last = 0;
                while (true)
                {
                    var fieldType = ReadFieldHeader(ref last, out _);
                    if (fieldType == CompactType.Stop)
                        break;
                    Skip(fieldType, depth + 1);
                }

                break;
            }

            default:
                throw Error($"cannot skip Thrift type {(int)type}");
        }
    }

    private byte ReadByte()
    {
        if (_position >= _data.Length)
            throw Error("unexpected end of Thrift data");
        return _data[_position++];
    }

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return result;
        }

        throw Error("Thrift varint longer than 10 bytes");
    }

    private int ReadZigZag32()
    {
        var v = ReadVarint();
        return unchecked((int)((uint)(v >> 1) ^ (uint)-(long)(v & 1)));
    }

    private long ReadZigZag64()
    {
        var v = ReadVarint();
        return unchecked((long)(v >> 1) ^ -(long)(v & 1));
    }

    private readonly void Need(int count)
    {
        if (_data.Length - _position < count)
            throw Error("unexpected end of Thrift data");
    }
}
