using System.IO.Compression;
using Persona.Parquet.Format;

namespace Persona.Parquet.Compression;

/// <summary>
/// Decompresses page bodies. Output never grows past the page header's declared size, and a body that
/// decodes to any other size is a format error, so a corrupt header cannot cause a huge allocation.
/// </summary>
internal static class PageDecompressor
{
    public static byte[] Decompress(CompressionCodec codec, ReadOnlySpan<byte> input, int uncompressedSize, long fileOffset, string column)
    {
        try
        {
            var output = codec switch
            {
                CompressionCodec.Uncompressed => input.ToArray(),
                CompressionCodec.Snappy => SnappyDecompressor.Decompress(input, uncompressedSize),
                CompressionCodec.Gzip => Gunzip(input, uncompressedSize),
                CompressionCodec.Zstd => ZstdDecompressor.Decompress(input, uncompressedSize),
                _ => throw new ParquetFormatException($"compression codec {codec} is not supported", fileOffset, column),
            };
            if (output.Length != uncompressedSize)
                throw new ParquetFormatException($"page decompressed to {output.Length} bytes, header says {uncompressedSize}", fileOffset, column);
            return output;
        }
        catch (InvalidDataException ex)
        {
            throw new ParquetFormatException($"corrupt {codec} page: {ex.Message}", fileOffset, column, ex);
        }
    }

    private static byte[] Gunzip(ReadOnlySpan<byte> input, int uncompressedSize)
    {
        var output = new byte[uncompressedSize];
        using var source = new MemoryStream(input.ToArray(), writable: false);
        var total = 0;
        // GZipStream reads concatenated members, which Compression.md asks readers to accept.
        using (var gzip = new GZipStream(source, CompressionMode.Decompress))
        {
            while (total < output.Length)
            {
                var n = gzip.Read(output, total, output.Length - total);
                if (n == 0)
                    break;
                total += n;
            }

            Span<byte> probe = stackalloc byte[1];
            if (total == output.Length && gzip.Read(probe) > 0)
                throw new InvalidDataException($"gzip data is longer than the declared {uncompressedSize} bytes");
        }

        return total == output.Length ? output : output[..total];
    }
}
