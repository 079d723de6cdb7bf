using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

/// <summary>The interview in a real <c>persona</c> process reading plain lines from stdin, killed mid-session and resumed.</summary>
public sealed partial class InterviewProcessTests
{
    internal const string RichAnswer =
        "Honesty and careful craftsmanship guide most of what I do. I like calm, direct conversations with concrete examples, " +
        "I am learning Rust for a side project, I grew up near the coast and studied physics, and over the next few months I want " +
        "to finish the pipeline rewrite while mentoring two junior developers patiently.";

    [Fact]
    public async Task KilledMidSession_ResumesExactlyWhereItStopped()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = TestPaths.CreateTempDirectory();
        string[] args = ["interview", "--profiles", dir.Path, "--profile", "kim", "--seed", "9", .. InterviewCommandTests.ConfigArgs];

        using (var first = Start(args))
        {
            for (var i = 1; i <= 3; i++)
            {
                await ReadUntilAsync(first, line => QuestionId().IsMatch(line), ct);
                await first.StandardInput.WriteLineAsync(i == 2 ? "Short one." : RichAnswer);
                await first.StandardInput.FlushAsync(ct);
            }

            await ReadUntilAsync(first, line => line.Contains("[q004 ", StringComparison.Ordinal), ct);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
        }

        var file = Directory.GetFiles(dir.Combine("kim", "persona", "interviews"), "iv-*.json").Single();
        using (var saved = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct)))
        {
            Assert.Equal("Active", saved.RootElement.GetProperty("status").GetString());
            Assert.Equal(3, saved.RootElement.GetProperty("answers").GetArrayLength());
            Assert.Equal(4, saved.RootElement.GetProperty("questions").GetArrayLength());
        }

        var pending = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct)).RootElement.GetProperty("questions")[3].GetProperty("prompt").GetString()!;
        using var second = Start([.. args, "--resume"]);
        var resumedLine = await ReadUntilAsync(second, line => QuestionId().IsMatch(line), ct);
        Assert.Contains("[q004 ", resumedLine, StringComparison.Ordinal);
        Assert.EndsWith("] " + pending, resumedLine, StringComparison.Ordinal); // the very question the killed process had asked
        await second.StandardInput.WriteLineAsync(RichAnswer);
        while (true)
        {
            var line = await ReadUntilAsync(second, l => QuestionId().IsMatch(l) || l.StartsWith("Review of", StringComparison.Ordinal), ct);
            if (line.StartsWith("Review of", StringComparison.Ordinal))
                break;
            await second.StandardInput.WriteLineAsync(RichAnswer);
        }

        await second.StandardInput.WriteLineAsync("merge");
        second.StandardInput.Close();
        var rest = await second.StandardOutput.ReadToEndAsync(ct);
        await second.WaitForExitAsync(ct);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Merged: core persona version 1", rest, StringComparison.Ordinal);
        using var done = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct));
        Assert.Equal("Completed", done.RootElement.GetProperty("status").GetString());
        Assert.Equal("Short one.", done.RootElement.GetProperty("answers")[1].GetProperty("content").GetString()); // nothing before the kill was lost
        Assert.Single(Directory.GetFiles(dir.Combine("kim", "persona", "interviews"), "iv-*.json"));
    }

    internal static Process Start(string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "persona.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start persona");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> ReadUntilAsync(Process process, Func<string, bool> match, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (match(line))
                return line;
        }

        throw new InvalidOperationException("persona exited before the expected line");
    }

    [GeneratedRegex(@"\[q\d{3} [a-z-]+\] ")]
    private static partial Regex QuestionId();
}
