using System.IO.Compression;
using Persona.Parquet.Encodings;
using Persona.Parquet.Format;

namespace Persona.Parquet.Compression;

/// <summary>Compresses page bodies with the chunk codec.</summary>
internal static class PageCompressor
{
    public static CompressionCodec ToCodec(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Uncompressed => CompressionCodec.Uncompressed,
        ParquetCompression.Snappy => CompressionCodec.Snappy,
        ParquetCompression.Gzip => CompressionCodec.Gzip,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "unknown codec"),
    };

    /// <summary>The most <paramref name="length"/> bytes can take once compressed with <paramref name="codec"/>.</summary>
    public static long MaxCompressedLength(CompressionCodec codec, int length) => codec switch
    {
        CompressionCodec.Uncompressed => length,
        CompressionCodec.Snappy => 5 + 32 + (long)length + length / 6, // varint length, then the format's bound
        _ => (long)length + length / 8 + length / 64 + 64, // deflate's stored-block bound, gzip header and trailer
    };

    /// <summary>Compresses <paramref name="input"/> into <paramref name="output"/> (cleared first).</summary>
    public static void Compress(CompressionCodec codec, ReadOnlySpan<byte> input, ByteBuffer output)
    {
        output.Clear();
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                output.AddRange(input);
                break;
            case CompressionCodec.Gzip:
            {
                using var stream = new ByteBufferStream(output);
                using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
                    gzip.Write(input);
                break;
            }

            case CompressionCodec.Snappy:
                SnappyCompressor.Compress(input, output);
                break;
            default:
                throw new InvalidOperationException($"cannot write codec {codec}");
        }
    }
}
