using System.Diagnostics;
using System.Text.Json.Nodes;
using Persona.Tests;

namespace Persona.Parquet.Tests.Oracles;

/// <summary>
/// Runs the oracle scripts beside this file with node and the npm packages pinned in
/// <c>tests/oracles</c>. Outside CI a missing node or <c>node_modules</c> skips the test with the
/// reason; under CI (<c>CI=true</c>) it fails.
/// </summary>
internal static class NodeOracle
{
    private static string OraclesDir => Path.Combine(TestPaths.RepoRoot, "tests", "oracles");

    private static string ScriptsDir => Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Parquet.Tests", "Oracles");

    public static void RequireAvailable()
    {
        string? problem = null;
        if (!Directory.Exists(Path.Combine(OraclesDir, "node_modules")))
            problem = "tests/oracles/node_modules is missing (run npm ci --prefix tests/oracles)";
        else if (FindNode() is null)
            problem = "node is not on PATH";
        if (problem is null)
            return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail("oracle unavailable under CI: " + problem);
        Assert.Skip("oracle unavailable: " + problem);
    }

    public static async Task<JsonNode> ReadRowsAsync(string script, string parquetPath, CancellationToken cancellationToken) =>
        JsonNode.Parse(await RunAsync(script, [parquetPath], cancellationToken))!["rows"]!;

    public static async Task<string> RunAsync(string script, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        RequireAvailable();
        var start = new ProcessStartInfo(FindNode()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ScriptsDir,
        };
        start.ArgumentList.Add(Path.Combine(ScriptsDir, script));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ORACLES_DIR"] = OraclesDir;
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        if (process.ExitCode != 0)
            Assert.Fail($"node {script} exited with {process.ExitCode}: {await stderr}");
        return output;
    }

    private static string? FindNode()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
