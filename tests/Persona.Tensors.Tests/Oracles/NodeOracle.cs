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
    public static string RequireNodeModules(string package = "tokenizers")
    {
        var modules = Path.Combine(TestPaths.RepoRoot, "tests", "oracles", "node_modules");
        if (Directory.Exists(Path.Combine(modules, "@huggingface", package)))
            return modules;
        var message = $"npm oracles not installed at {modules} (run: npm ci --prefix tests/oracles)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Skip(message);
        return modules;
    }

    public static async Task<int[][]> TokenizeAsync(string tokenizerJson, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var output = await RunAsync("hf_tokenize.mjs", RequireNodeModules(), tokenizerJson, JsonSerializer.Serialize(inputs), cancellationToken);
        return JsonSerializer.Deserialize<int[][]>(output)!;
    }

    /// <summary>An exported adapter folder as <c>adapter_read.mjs</c> reads it: GGUF through @huggingface/gguf, safetensors and the PEFT config by hand.</summary>
    public static async Task<JsonElement> ReadAdapterAsync(string adapterDirectory, CancellationToken cancellationToken)
    {
        var output = await RunAsync("adapter_read.mjs", RequireNodeModules("gguf"), adapterDirectory, "", cancellationToken);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private static async Task<string> RunAsync(string scriptName, string modules, string argument, string input, CancellationToken cancellationToken)
    {
        var script = Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Tensors.Tests", "Oracles", scriptName);
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(modules);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"oracle {scriptName} failed: " + await error);
        return await output;
    }
}
