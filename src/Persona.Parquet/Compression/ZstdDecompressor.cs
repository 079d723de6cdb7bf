namespace Persona.Parquet.Compression;

/// <summary>Zstandard (RFC 8878) frame decoder.</summary>
internal static partial class ZstdDecompressor
{
    public static byte[] Decompress(ReadOnlySpan<byte> input, int expectedSize) =>
        throw new InvalidDataException("ZSTD pages are not supported yet");
}
