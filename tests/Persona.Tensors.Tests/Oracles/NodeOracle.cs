using System.Diagnostics;
using System.Text.Json;
using Persona.Tests;

namespace Persona.Tensors.Tests.Oracles;

/// <summary>
/// Runs a script of this folder with node against the pinned npm oracles in tests/oracles/node_modules.
/// Outside CI a missing node_modules (or node) skips the test with the reason; under CI it fails.
/// </summary>
internal static class NodeOracle
{
    public static string RequireNodeModules()
    {
        var modules = Path.Combine(TestPaths.RepoRoot, "tests", "oracles", "node_modules");
        if (Directory.Exists(Path.Combine(modules, "@huggingface", "tokenizers")))
            return modules;
        var message = $"npm oracles not installed at {modules} (run: npm ci --prefix tests/oracles)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Skip(message);
        return modules;
    }

    public static async Task<int[][]> TokenizeAsync(string tokenizerJson, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var modules = RequireNodeModules();
        var script = Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Tensors.Tests", "Oracles", "hf_tokenize.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(modules);
        start.ArgumentList.Add(tokenizerJson);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(inputs));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, "oracle failed: " + await error);
        return JsonSerializer.Deserialize<int[][]>(await output)!;
    }
}
