using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

/// <summary>
/// Drives <c>persona interview</c> through a real pseudo-terminal (tmux): Spectre.Console prompts, typed
/// answers, the review selection. Skips when tmux is absent outside CI (CI=true fails instead).
/// </summary>
public sealed partial class InterviewTerminalTests
{
    [Fact]
    public async Task Tmux_PauseThenResumeOffer_CompletesAndMerges()
    {
        var ct = TestContext.Current.CancellationToken;
        var tmux = FindTmux();
        using var dir = TestPaths.CreateTempDirectory();
        var socket = "persona-test-" + Guid.NewGuid().ToString("N")[..12];
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var persona = string.Join(' ', new[] { dotnet, Path.Combine(AppContext.BaseDirectory, "persona.dll"), "interview", "--profiles", dir.Path, "--profile", "tty", "--seed", "2" }
            .Concat(InterviewCommandTests.ConfigArgs).Select(Quote));
        // First run: answer two questions, then /pause. Second run: accept the resume offer and finish.
        var command = $"{persona}; echo PERSONA-PAUSED=$?; {persona}; echo PERSONA-EXIT=$?; sleep 60";
        await RunAsync(tmux, ["-L", socket, "new-session", "-d", "-s", "iv", "-x", "220", "-y", "50", command], ct);
        try
        {
            var handled = 0;
            var answers = 0;
            var resumedOffer = false;
            var chose = false;
            var deadline = DateTime.UtcNow.AddSeconds(120);
            string screen;
            while (true)
            {
                Assert.True(DateTime.UtcNow < deadline, "timed out; last screen:\n" + await CaptureAsync(tmux, socket, ct));
                screen = await CaptureAsync(tmux, socket, ct);
                if (screen.Contains("PERSONA-EXIT=", StringComparison.Ordinal))
                    break;
                var questions = Questions().Matches(screen);
                if (!resumedOffer && screen.Contains("Resume unfinished interview", StringComparison.Ordinal))
                {
                    await Task.Delay(150, ct);
                    await RunAsync(tmux, ["-L", socket, "send-keys", "-t", "iv", "y", "Enter"], ct);
                    resumedOffer = true;
                }
                else if (!chose && screen.Contains("What should happen to this draft?", StringComparison.Ordinal) && screen.Contains("later", StringComparison.Ordinal))
                {
                    await RunAsync(tmux, ["-L", socket, "send-keys", "-t", "iv", "Enter"], ct); // the first choice: merge
                    chose = true;
                }
                else if (questions.Count > handled)
                {
                    handled = questions.Count;
                    await Task.Delay(150, ct); // let the prompt draw before typing
                    var pause = handled == 3 && !resumedOffer;
                    await RunAsync(tmux, ["-L", socket, "send-keys", "-t", "iv", "-l", pause ? "/pause" : InterviewProcessTests.RichAnswer], ct);
                    await RunAsync(tmux, ["-L", socket, "send-keys", "-t", "iv", "Enter"], ct);
                    answers += pause ? 0 : 1;
                }

                await Task.Delay(200, ct);
            }

            Assert.True(resumedOffer, "the second run did not offer to resume");
            Assert.Contains("PERSONA-PAUSED=0", screen, StringComparison.Ordinal);
            Assert.Contains("Paused iv-", screen, StringComparison.Ordinal);
            Assert.Contains("PERSONA-EXIT=0", screen, StringComparison.Ordinal);
            Assert.Contains("Merged: core persona version 1", screen, StringComparison.Ordinal);
            var file = Directory.GetFiles(dir.Combine("tty", "persona", "interviews"), "iv-*.json").Single();
            using var session = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct));
            Assert.Equal("Completed", session.RootElement.GetProperty("status").GetString());
            Assert.Equal(answers, session.RootElement.GetProperty("answers").GetArrayLength());
            Assert.Single(Directory.GetFiles(dir.Combine("tty", "persona", "interviews"), "iv-*.json")); // resumed, not restarted
            Assert.Equal(InterviewProcessTests.RichAnswer, session.RootElement.GetProperty("answers")[0].GetProperty("content").GetString());
        }
        finally
        {
            await RunAsync(tmux, ["-L", socket, "kill-server"], CancellationToken.None, check: false);
        }
    }

    private static string FindTmux()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "tmux");
            if (File.Exists(candidate))
                return candidate;
        }

        const string message = "tmux not found (apt-get install -y tmux)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + "; CI must install it");
        Assert.Skip(message);
        return "";
    }

    private static Task<string> CaptureAsync(string tmux, string socket, CancellationToken ct) =>
        RunAsync(tmux, ["-L", socket, "capture-pane", "-p", "-J", "-S", "-3000", "-t", "iv"], ct);

    private static async Task<string> RunAsync(string file, string[] args, CancellationToken ct, bool check = true)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
        return output;
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\[(q\d{3}) [a-z-]+\] ")]
    private static partial Regex Questions();
}
