using Persona.Tests;

namespace Persona.Core.Tests.Plotting;

/// <summary>
/// Locates independent tools the figure tests check against (the pinned npm packages, a headless
/// Chromium). Missing outside CI: the test skips with the reason; under CI (CI=true) it fails, so a broken
/// CI image can never turn these checks into silent skips.
/// </summary>
internal static class Oracles
{
    public static string RequireNpmFile(params string[] parts)
    {
        var path = Path.Combine([TestPaths.RepoRoot, "tests", "oracles", "node_modules", .. parts]);
        if (!File.Exists(path))
            SkipOrFail($"{path} not found (run `npm ci --prefix tests/oracles`)");
        return path;
    }

    public static string RequireChromium()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PERSONA_CHROMIUM");
        string[] candidates = string.IsNullOrEmpty(fromEnvironment) ? ["chromium", "chromium-browser", "google-chrome"] : [fromEnvironment];
        foreach (var candidate in candidates)
        {
            if (Path.IsPathRooted(candidate) && File.Exists(candidate))
                return candidate;
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var path = Path.Combine(dir, candidate);
                if (File.Exists(path))
                    return path;
            }
        }

        SkipOrFail("headless Chromium not found on PATH (Debian: apt-get install -y chromium)");
        return string.Empty;
    }

    private static void SkipOrFail(string message)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " (CI must provide it)");
        Assert.Skip(message);
    }
}
