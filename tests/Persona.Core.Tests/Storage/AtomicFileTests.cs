using Persona.Core.Storage;
using Persona.Tests;

namespace Persona.Core.Tests.Storage;

public sealed class AtomicFileTests
{
    [Fact]
    public async Task WriteAsync_WriterThrows_PreviousContentIntactAndNoTempLeft()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var target = dir.Combine("out.txt");
        await File.WriteAllTextAsync(target, "old", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(target, async (stream, ct) =>
        {
            await stream.WriteAsync("partial"u8.ToArray(), ct);
            throw new InvalidOperationException("boom");
        }, TestContext.Current.CancellationToken));

        Assert.Equal("old", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task WriteAllTextAsync_NewFolder_CreatesFileWithContent()
    {
        using var dir = TestPaths.CreateTempDirectory();
        var target = dir.Combine("a", "b", "out.txt");

        await AtomicFile.WriteAllTextAsync(target, "héllo", TestContext.Current.CancellationToken);

        Assert.Equal("héllo", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
    }
}
