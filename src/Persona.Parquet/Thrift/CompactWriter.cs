using System.Text;
using Persona.Parquet.Encodings;

namespace Persona.Parquet.Thrift;

/// <summary>
/// Writes Thrift compact-protocol structs into a <see cref="ByteBuffer"/>. Fields must be written in
/// ascending id order inside a struct; nested structs keep their own field-id counter.
/// </summary>
internal sealed class CompactWriter(ByteBuffer buffer)
{
    private readonly Stack<short> _outer = new();
    private short _lastId;

    public ByteBuffer Buffer => buffer;

    public void BeginStruct()
    {
        _outer.Push(_lastId);
        _lastId = 0;
    }

    public void EndStruct()
    {
        buffer.Add(0);
        _lastId = _outer.Pop();
    }

    public void FieldStruct(short id)
    {
        FieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    public void FieldI32(short id, int value)
    {
        FieldHeader(id, CompactType.I32);
        buffer.AddVarint(ZigZag(value));
    }

    public void FieldI64(short id, long value)
    {
        FieldHeader(id, CompactType.I64);
        buffer.AddVarint(ZigZag(value));
    }

    public void FieldI16(short id, short value)
    {
        FieldHeader(id, CompactType.I16);
        buffer.AddVarint(ZigZag(value));
    }

    public void FieldI8(short id, sbyte value)
    {
        FieldHeader(id, CompactType.I8);
        buffer.Add(unchecked((byte)value));
    }

    public void FieldBool(short id, bool value) => FieldHeader(id, value ? CompactType.BoolTrue : CompactType.BoolFalse);

    public void FieldBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, CompactType.Binary);
        buffer.AddVarint((ulong)value.Length);
        buffer.AddRange(value);
    }

    public void FieldString(short id, string value) => FieldBinary(id, Encoding.UTF8.GetBytes(value));

    public void FieldList(short id, CompactType elementType, int count)
    {
        FieldHeader(id, CompactType.List);
        if (count < 15)
        {
            buffer.Add((byte)((count << 4) | (int)elementType));
        }
        else
        {
            buffer.Add((byte)(0xF0 | (int)elementType));
            buffer.AddVarint((ulong)count);
        }
    }

    public void ElementI32(int value) => buffer.AddVarint(ZigZag(value));

    public void ElementString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        buffer.AddVarint((ulong)bytes.Length);
        buffer.AddRange(bytes);
    }

    private void FieldHeader(short id, CompactType type)
    {
        var delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            buffer.Add((byte)((delta << 4) | (int)type));
        }
        else
        {
            buffer.Add((byte)type);
            buffer.AddVarint(ZigZag(id));
        }

        _lastId = id;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
