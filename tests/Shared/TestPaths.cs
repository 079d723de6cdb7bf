namespace Persona.Tests;

/// <summary>
/// Locates the repository root and the shared research data that CI places beside the checkout.
/// Tests that need the shared data call <see cref="RequireShared"/>: outside CI a missing folder skips
/// the test (the README's test command must work on a bare clone); under CI it fails, so a broken
/// CI layout can never turn real checks into silent skips.
/// </summary>
internal static class TestPaths
{
    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);

    public static string RepoRoot => LazyRepoRoot.Value;

    public static string Samples => Path.Combine(RepoRoot, "data", "samples");

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string RequireShared(params string[] parts)
    {
        var path = Path.Combine([SharedRoot, .. parts]);
        if (File.Exists(path) || Directory.Exists(path))
            return path;

        var message = $"shared test data not found at {path}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " (CI must provide ../shared beside the checkout)");
        Assert.Skip(message);
        return path;
    }

    /// <summary>A fresh, empty temporary directory removed when the returned handle is disposed.</summary>
    public static TempDirectory CreateTempDirectory() => new();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Persona.Notebooks.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Persona.Notebooks.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "persona-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test host still holding a file must not fail the test; the OS cleans temp.
        }
    }
}
