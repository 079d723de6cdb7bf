using System.Diagnostics;
using Persona.Tests;

namespace Persona.Parquet.Tests;

/// <summary>
/// Truncated and bit-flipped files end in a <see cref="ParquetFormatException"/> with a byte offset
/// (or, for flips inside values, read as other values): never another exception type, a hang or a
/// large allocation.
/// </summary>
public sealed class CorruptFileTests
{
    private const long MaxAllocationPerCase = 64L << 20;

    /// <summary>Flips per case; raise with PERSONA_FUZZ_SCALE for a longer local run.</summary>
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("PERSONA_FUZZ_SCALE"), out var scale) && scale > 0 ? scale : 1;

    [Theory]
    [InlineData(ParquetCompression.Uncompressed, true)]
    [InlineData(ParquetCompression.Snappy, true)]
    [InlineData(ParquetCompression.Gzip, false)]
    public async Task ReadRowsAsync_TruncatedFile_ThrowsFormatExceptionWithOffset(ParquetCompression compression, bool dictionary)
    {
        var bytes = await WriteSampleAsync(compression, dictionary);
        var cuts = Enumerable.Range(0, 120).Select(i => (int)((long)i * bytes.Length / 120)).Distinct();

        foreach (var cut in cuts)
        {
            var ex = ReadExpectingFailure(bytes[..cut], $"truncated to {cut} bytes");
            Assert.NotNull(ex);
        }
    }

    [Theory]
    [InlineData(ParquetCompression.Uncompressed, true, 1)]
    [InlineData(ParquetCompression.Snappy, true, 2)]
    [InlineData(ParquetCompression.Gzip, false, 3)]
    [InlineData(ParquetCompression.Snappy, false, 4)]
    public async Task ReadRowsAsync_BitFlippedFile_FailsCleanlyOrReads(ParquetCompression compression, bool dictionary, int seed)
    {
        var bytes = await WriteSampleAsync(compression, dictionary);
        var random = new Random(seed);

        for (var i = 0; i < 100 * Scale; i++)
        {
            var copy = (byte[])bytes.Clone();
            // Half of the flips land in the footer, where most structure lives.
            var footerStart = bytes.Length - 8 - BitConverter.ToInt32(bytes, bytes.Length - 8);
            var position = i % 2 == 0 ? random.Next(bytes.Length) : random.Next(footerStart, bytes.Length);
            copy[position] ^= (byte)(1 << random.Next(8));
            ReadExpectingFailure(copy, $"bit flip at {position} (seed {seed}, case {i})", allowSuccess: true);
        }
    }

    [Theory]
    [InlineData("zstd")]
    [InlineData("issue_5533_timestamp_ms_stats")]
    [InlineData("list_columns")]
    [InlineData("alltypes_plain")]
    public void ReadRowsAsync_BitFlippedSampleFile_FailsCleanlyOrReads(string name)
    {
        var bytes = File.ReadAllBytes(TestPaths.RequireShared("parquet-samples", name + ".parquet"));
        var random = new Random(name.Length);

        for (var i = 0; i < 80 * Scale; i++)
        {
            var copy = (byte[])bytes.Clone();
            var position = random.Next(bytes.Length);
            copy[position] ^= (byte)(1 << random.Next(8));
            ReadExpectingFailure(copy, $"{name}: bit flip at {position} (case {i})", allowSuccess: true);
        }

        for (var cut = 0; cut < bytes.Length; cut += Math.Max(1, bytes.Length / 60))
            ReadExpectingFailure(bytes[..cut], $"{name}: truncated to {cut} bytes");
    }

    [Fact]
    public void ReadRowsAsync_NotParquet_ErrorAtOffsetZero()
    {
        var ex = ReadExpectingFailure("this is not a parquet file at all"u8.ToArray(), "text file");

        Assert.Equal(0, ex!.Offset);
    }

    private static ParquetFormatException? ReadExpectingFailure(byte[] bytes, string what, bool allowSuccess = false)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        try
        {
            // MemoryStream completes synchronously, so the whole read runs on this thread.
            using var stream = new MemoryStream(bytes, writable: false);
            var rows = ParquetFile.ReadRowsAsync(stream).ToListAsync().AsTask().GetAwaiter().GetResult();
            if (!allowSuccess)
                Assert.Fail($"{what}: read {rows.Count} rows without an error");
            return null;
        }
        catch (ParquetFormatException ex)
        {
            Assert.True(ex.Offset is >= 0, $"{what}: error without an offset: {ex.Message}");
            Assert.True(ex.Offset <= bytes.Length, $"{what}: offset {ex.Offset} beyond the {bytes.Length}-byte file");
            return ex;
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{what}: {ex.GetType().Name} instead of ParquetFormatException: {ex}");
            return null;
        }
        finally
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < MaxAllocationPerCase, $"{what}: allocated {allocated} bytes");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{what}: took {clock.Elapsed}");
        }
    }

    private static async Task<byte[]> WriteSampleAsync(ParquetCompression compression, bool dictionary)
    {
        using var stream = new MemoryStream();
        var options = new ParquetWriteOptions { Compression = compression, UseDictionary = dictionary, RowGroupMaxRows = 40, PageSize = 1024 };
        await ParquetFile.WriteAsync(stream, AllTypesRecord.Sample(100), AllTypesRecord.Map, options, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }
}
