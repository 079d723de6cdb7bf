using Persona.Parquet.Compression;
using Persona.Parquet.Encodings;
using Persona.Parquet.Format;

namespace Persona.Parquet.Writing;

/// <summary>One data page waiting to be compressed by a <see cref="PageCompressionWorker"/>: its body in, its stored bytes out.</summary>
internal sealed class PageCompressionJob(CompressionCodec codec, PageHeader header, ByteBuffer body, ByteBuffer stored, int headerBytesAtMost)
{
    /// <summary>The most the page adds to its chunk once compressed: header and compressed body.</summary>
    public long BytesAtMost { get; } = headerBytesAtMost + PageCompressor.MaxCompressedLength(codec, body.Length);

    public PageHeader Header { get; } = header;

    public ByteBuffer Body { get; } = body;

    public ByteBuffer Stored { get; } = stored;

    /// <summary>Queued, running or done; changed only under the worker's lock.</summary>
    public PageCompressionState State { get; set; }

    public void Run() => PageCompressor.Compress(codec, Body.Span, Stored);
}
