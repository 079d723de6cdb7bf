using Persona.Parquet.Encodings;

namespace Persona.Parquet.Compression;

/// <summary>A write-only stream that appends to a <see cref="ByteBuffer"/>, for <see cref="System.IO.Compression.GZipStream"/>.</summary>
internal sealed class ByteBufferStream(ByteBuffer buffer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => buffer.Length;

    public override long Position
    {
        get => buffer.Length;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> bytes) => buffer.AddRange(bytes);
}
