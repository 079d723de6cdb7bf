using Persona.Parquet.Compression;
using Persona.Parquet.Encodings;

namespace Persona.Parquet.Tests.Compression;

/// <summary>Our Snappy compressor finds matches and round-trips through our decoder (hyparquet and DuckDB read it in the oracle tests).</summary>
public sealed class SnappyCodecTests
{
    public static TheoryData<string> Inputs => ["empty", "short", "random", "text", "zeros", "mixed"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Compress_Input_RoundTrips(string kind)
    {
        var input = Make(kind);
        var compressed = new ByteBuffer();

        SnappyCompressor.Compress(input, compressed);
        var back = SnappyDecompressor.Decompress(compressed.Span, input.Length);

        Assert.Equal(input, back);
    }

    [Fact]
    public void Compress_RepetitiveText_UsesCopies()
    {
        var input = Make("text");
        var compressed = new ByteBuffer();

        SnappyCompressor.Compress(input, compressed);

        // A literal-only encoder would exceed the input size; matches on this text bring it well under half.
        Assert.True(compressed.Length < input.Length * 2 / 5, $"{compressed.Length} of {input.Length} bytes");
    }

    [Fact]
    public void Decompress_CopyBeforeStart_ThrowsInvalidData()
    {
        // length 4, then a 1-byte-offset copy with nothing written yet
        byte[] bad = [4, 0b000_000_01, 1];

        Assert.Throws<InvalidDataException>(() => SnappyDecompressor.Decompress(bad, 4));
    }

    private static byte[] Make(string kind)
    {
        var random = new Random(kind.Length);
        switch (kind)
        {
            case "empty":
                return [];
            case "short":
                return "abc"u8.ToArray();
            case "random":
                var bytes = new byte[200_000];
                random.NextBytes(bytes);
                return bytes;
            case "zeros":
                return new byte[300_000];
            case "text":
                var words = new[] { "persona ", "notebook ", "message ", "mode ", "the ", "a ", "cluster " };
                return System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40_000).Select(_ => words[random.Next(words.Length)])));
            default:
                var mixed = new byte[150_000];
                random.NextBytes(mixed.AsSpan(0, 50_000));
                Make("text").AsSpan(0, 100_000).CopyTo(mixed.AsSpan(50_000));
                return mixed;
        }
    }
}
