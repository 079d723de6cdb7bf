using System.Text.Json;
using System.Text.Json.Nodes;
using Persona.Tests;

namespace Persona.Cli.Tests.Commands;

/// <summary>Runs the real <c>notebooks/05-interview.ipynb</c> headless: from the answers file, then through its input prompts.</summary>
public sealed class InterviewNotebookRunTests
{
    [Fact]
    public async Task InterviewNotebook_BatchThenPromptDriven_BothReachTheDecision()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = TestPaths.CreateTempDirectory();
        var notebook = Path.Combine(TestPaths.RepoRoot, "notebooks", "05-interview.ipynb");

        var batch = await CliRunner.RunAsync("notebooks", "run", notebook, "-p", "profilesDir=" + temp.Combine("batch"), "--out", temp.Combine("out1"));

        Assert.True(batch.ExitCode == 0, batch.Error);
        var executed = await File.ReadAllTextAsync(temp.Combine("out1", "05-interview.ipynb"), ct);
        Assert.Contains("Interviewer [values]: What matters most to you", executed, StringComparison.Ordinal);
        Assert.Contains("Choice:               Merge", executed, StringComparison.Ordinal);

        // The same interview answered through GetInputAsync: the runner answers each question's prompt.
        var sessionFile = Directory.GetFiles(temp.Combine("batch", "notebook-demo", "persona", "interviews"), "iv-*.json").Single();
        using var session = JsonDocument.Parse(await File.ReadAllTextAsync(sessionFile, ct));
        var answers = new JsonObject { ["Apply, merge or discard the draft?"] = "apply" };
        foreach (var answer in session.RootElement.GetProperty("answers").EnumerateArray())
        {
            var question = session.RootElement.GetProperty("questions").EnumerateArray()
                .First(q => q.GetProperty("id").GetString() == answer.GetProperty("questionId").GetString());
            answers[question.GetProperty("prompt").GetString()!] = answer.GetProperty("content").GetString();
        }

        var answersFile = temp.Combine("answers.json");
        await File.WriteAllTextAsync(answersFile, answers.ToJsonString(), ct);
        var prompted = await CliRunner.RunAsync("notebooks", "run", notebook, "-p", "profilesDir=" + temp.Combine("prompted"), "-p", "interactive=true",
            "--answers", answersFile, "--out", temp.Combine("out2"));

        Assert.True(prompted.ExitCode == 0, prompted.Error);
        var executedPrompted = await File.ReadAllTextAsync(temp.Combine("out2", "05-interview.ipynb"), ct);
        Assert.Contains("Choice:               Apply", executedPrompted, StringComparison.Ordinal);
        Assert.Contains("persona-interview-progress", executedPrompted, StringComparison.Ordinal); // a meter before each question
        var promptedSession = Directory.GetFiles(temp.Combine("prompted", "notebook-demo", "persona", "interviews"), "iv-*.json").Single();
        using var second = JsonDocument.Parse(await File.ReadAllTextAsync(promptedSession, ct));
        Assert.Equal(session.RootElement.GetProperty("answers").GetArrayLength(), second.RootElement.GetProperty("answers").GetArrayLength());
    }
}
