using Persona.Parquet.Compression;
using Persona.Tests;

namespace Persona.Parquet.Tests.Compression;

/// <summary>
/// Frames made by the reference <c>zstd</c> command line (1.5, levels 1 and 19, with and without
/// checksum) decode to the original bytes: raw, RLE and compressed blocks, Huffman and FSE tables.
/// </summary>
public sealed class ZstdDecompressorTests
{
    public static TheoryData<string, string> Frames => new()
    {
        { "text.1.zst", "text.bin" },
        { "text.19.zst", "text.bin" },
        { "text.nocheck.zst", "text.bin" },
        { "mixed.1.zst", "mixed.bin" },
        { "mixed.19.zst", "mixed.bin" },
        { "random.1.zst", "random.bin" },
        { "empty.zst", "empty.bin" },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Decompress_ReferenceFrame_ReturnsOriginal(string frame, string original)
    {
        var dir = Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Parquet.Tests", "TestData", "zstd");
        var expected = File.ReadAllBytes(Path.Combine(dir, original));

        var actual = ZstdDecompressor.Decompress(File.ReadAllBytes(Path.Combine(dir, frame)), expected.Length);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Decompress_TwoConcatenatedFrames_ReturnsBoth()
    {
        var dir = Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Parquet.Tests", "TestData", "zstd");
        var text = File.ReadAllBytes(Path.Combine(dir, "text.bin"));
        var frame = File.ReadAllBytes(Path.Combine(dir, "text.1.zst"));

        var actual = ZstdDecompressor.Decompress([.. frame, .. frame], 2 * text.Length);

        Assert.Equal([.. text, .. text], actual);
    }

    [Fact]
    public void Decompress_DeclaredSizeTooSmall_ThrowsInvalidData()
    {
        var dir = Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Parquet.Tests", "TestData", "zstd");
        var frame = File.ReadAllBytes(Path.Combine(dir, "text.19.zst"));

        Assert.Throws<InvalidDataException>(() => ZstdDecompressor.Decompress(frame, 1000));
    }
}
