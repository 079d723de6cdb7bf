using Persona.Core.Import;
using Persona.Tests;

namespace Persona.Core.Tests.Import;

/// <summary>
/// The importer never throws on bad content: seeded truncations and mutations of real exports either
/// import (with diagnostics) or fail the one file with an error naming it.
/// </summary>
public sealed class ArbitraryBytesTests
{
    [Theory]
    [InlineData("librechat-chatgpt-tree.json", 1)]
    [InlineData("librechat-chatgpt-export.json", 2)]
    [InlineData("osteele-claude-bakery-chat.json", 3)]
    [InlineData("openai-cookbook-toy-chat-fine-tuning.jsonl", 4)]
    [InlineData("librechat-chatgpt-modern-export.json", 5)]
    public async Task Read_MutatedExport_NeverThrows(string corpusFile, int seed)
    {
        var original = await File.ReadAllBytesAsync(TestPaths.RequireShared("corpora", corpusFile), TestContext.Current.CancellationToken);
        using var dir = TestPaths.CreateTempDirectory();
        var random = new Random(seed);
        var importer = new ChatImporter(new ImportOptions { Branches = BranchSelection.All });
        var imported = 0;
        for (var i = 0; i < 60; i++)
        {
            var bytes = Mutate(original, random);
            var path = dir.Combine($"case-{i}.json");
            await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

            var result = await importer.ReadAsync([path], cancellationToken: TestContext.Current.CancellationToken);

            var report = Assert.Single(result.Files);
            if (report.Error is not null)
                Assert.StartsWith(path, report.Error);
            else
                imported++;
        }

        // Some mutations keep the JSON valid (string contents, truncation at a boundary is rare): both paths are exercised.
        Assert.InRange(imported, 0, 60);
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        switch (random.Next(5))
        {
            case 0:
                return original[..random.Next(original.Length)];
            case 1:
                for (var k = random.Next(1, 8); k > 0; k--)
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case 2:
                var start = random.Next(bytes.Count);
                bytes.RemoveRange(start, Math.Min(bytes.Count - start, random.Next(1, 200)));
                break;
            case 3:
                bytes.InsertRange(random.Next(bytes.Count), "{\"mapping\":null,\"x\":[1,{}]}"u8.ToArray());
                break;
            default:
                // Swap a structural token for another one, keeping the rest intact.
                var structural = Enumerable.Range(0, bytes.Count).Where(p => bytes[p] is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)'"' or (byte)':').ToList();
                var at = structural[random.Next(structural.Count)];
                bytes[at] = "{}[]\":,n"u8[random.Next(8)];
                break;
        }

        return [.. bytes];
    }
}
