using System.Diagnostics;
using System.Text.Json;
using Persona.Tests;

namespace Persona.Cli.Tests.Commands.Lora;

/// <summary>
/// <c>persona lora train</c> started as a real process, killed (SIGKILL, no clean-up) after it has written
/// checkpoints, then rerun with the same command: the adapter files are byte-identical to an uninterrupted run.
/// </summary>
public sealed class TrainKillResumeTests
{
    private static readonly string[] Replies =
    [
        "The cat sat on the mat.", "Lily went to the park with her dog.", "Tom had a big red ball.",
        "The sun was warm and the sky was blue.", "Sam ate a big cake with his mom.", "The bird sang a happy song.",
        "Ben and Mia played in the sand.", "The little fish swam far away.",
    ];

    [Fact]
    public async Task LoraTrain_KilledAfterACheckpointAndRerun_EndsWithTheSameAdapterBytes()
    {
        var ct = TestContext.Current.CancellationToken;
        var model = TestPaths.RequireShared("models", "stories260K", "stories260K.bin");
        var tokenizer = TestPaths.RequireShared("models", "stories260K", "tok512.bin");
        var cli = Path.Combine(AppContext.BaseDirectory, "persona.dll");
        Assert.True(File.Exists(cli) && File.Exists(Path.Combine(AppContext.BaseDirectory, "persona.runtimeconfig.json")), $"{cli} and its runtimeconfig must be built beside the tests");
        using var temp = TestPaths.CreateTempDirectory();
        var data = temp.Combine("data.jsonl");
        await File.WriteAllLinesAsync(data, Replies.Select(r => JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = "Tell me a story." }, new { role = "assistant", content = r } } })), ct);
        string[] Args(string output) =>
        [
            "lora", "train", "--base", model, "--tokenizer", tokenizer, "--data", data, "--out", output,
            "--targets", "all", "--rank", "4", "--alpha", "8", "--dropout", "0.1", "--epochs", "15", "--batch", "1",
            "--accumulate", "1", "--lr", "0.003", "--warmup", "2", "--seed", "11", "--checkpoint-every", "3",
        ];

        var straight = await CliRunner.RunAsync(Args(temp.Combine("straight")));
        Assert.True(straight.ExitCode == 0, straight.Error);
        var totalSteps = 15 * (Replies.Length - 1);

        // a real process, killed outright once a few checkpoints are on disk
        var killed = temp.Combine("killed");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(cli);
        foreach (var arg in Args(killed))
            start.ArgumentList.Add(arg);
        using (var process = Process.Start(start)!)
        {
            _ = process.StandardOutput.ReadToEndAsync(ct);
            while (await process.StandardError.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("step 10/", StringComparison.Ordinal))
                {
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }

            await process.WaitForExitAsync(ct);
        }

        var state = Path.Combine(killed, "checkpoint", "state.json");
        Assert.True(File.Exists(state), "no checkpoint was written before the kill");
        using (var saved = JsonDocument.Parse(await File.ReadAllTextAsync(state, ct)))
        {
            var step = saved.RootElement.EnumerateObject().First(p => p.Name.Equals("step", StringComparison.OrdinalIgnoreCase)).Value.GetInt32();
            Assert.InRange(step, 1, totalSteps - 1);
        }

        Assert.False(File.Exists(Path.Combine(killed, "adapter_model.safetensors")), "the run finished before it was killed: the test proves nothing");

        var resumed = await CliRunner.RunAsync(Args(killed));
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        foreach (var file in new[] { "adapter_model.safetensors", "adapter.gguf", "adapter_config.json" })
            Assert.Equal(await File.ReadAllBytesAsync(temp.Combine("straight", file), ct), await File.ReadAllBytesAsync(Path.Combine(killed, file), ct));
    }
}
