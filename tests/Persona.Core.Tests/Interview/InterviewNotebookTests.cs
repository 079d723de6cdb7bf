using System.Text.Json;
using Persona.Core.Display;
using Persona.Core.Interview;
using Persona.Core.Llm;
using Persona.Tests;

namespace Persona.Core.Tests.Interview;

/// <summary>The calls <c>notebooks/05-interview.ipynb</c> makes, in its order, and the notebook's own shape.</summary>
public sealed class InterviewNotebookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NotebookFlow_Headless_InterviewsReviewsAndMerges()
    {
        using var dir = TestPaths.CreateTempDirectory();
        using var llm = new LlmRuntime(LlmOptions.AllOffline, []);
        using var engine = await InterviewEngine.CreateAsync(
            new InterviewOptions { ProfilesRoot = dir.Path, ProfileId = "notebook-demo", Seed = 42 },
            Path.Combine(TestPaths.RepoRoot, "config", "interview.yaml"), llm, cancellationToken: Ct);
        Assert.Null(await engine.FindUnfinishedAsync(Ct));

        var script = await AnswerScriptReader.ReadAsync(Path.Combine(TestPaths.Samples, "interview-answers.md"), Ct);
        var session = (await engine.RunScriptAsync(script, finalize: false, cancellationToken: Ct)).Session;
        var transcript = new InterviewTranscriptView(session);
        var progress = new InterviewProgressView(session);
        var draft = await engine.FinalizeAsync(session.SessionId, Ct);
        var review = await engine.ReviewAsync(session.SessionId, Ct);
        var result = await engine.DecideAsync(session.SessionId, Enum.Parse<ReviewChoice>("merge", ignoreCase: true), cancellationToken: Ct);
        var metrics = await engine.GetMetricsAsync(Ct);

        Assert.Contains("What matters most to you", transcript.ToHtml(), StringComparison.Ordinal);
        Assert.Contains("You: Honesty comes first", transcript.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(6, progress.Bars.Count);
        Assert.All(progress.Bars.Take(5), b => Assert.Equal(100, b.Percent));
        Assert.Contains("Here is what I heard", draft.Summary, StringComparison.Ordinal);
        Assert.All(review.Fields, f => Assert.Equal(FieldChange.Added, f.Change));
        Assert.Equal(1, result.CoreVersion);
        Assert.Equal(1.0, metrics.CompletionRate);
        Assert.Contains("Completion rate", new SummaryCard("Interview metrics", ("Completion rate", metrics.CompletionRate.ToString("P0"))).ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunConversation_PromptAnswersSkipsAndPauses()
    {
        using var fx = new InterviewFixture();
        using var engine = fx.Engine();
        var replies = new Queue<string?>(["Honesty and careful work that others can check.", "", "/skip", "/pause"]);
        var asked = new List<string>();

        var paused = await engine.RunConversationAsync((_, q) => { asked.Add(q.Id); return Task.FromResult(replies.Dequeue()); }, Ct);
        var resumed = await engine.RunConversationAsync((_, q) => { asked.Add(q.Id); return Task.FromResult<string?>(null); }, Ct);

        Assert.Equal(InterviewStatus.Paused, paused.Status);
        Assert.Equal(["q001", "q002", "q002", "q003", "q003"], asked); // an empty reply asks again; resumed at the paused question
        Assert.Equal(2, resumed.Answers.Count);
        Assert.True(resumed.Answers[1].Skipped);
    }

    [Fact]
    public void Notebook_FollowsTheConvention()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "notebooks", "05-interview.ipynb");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.Equal("csharp", root.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());
        var code = root.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        Assert.All(code, c => Assert.Equal("csharp", c.GetProperty("metadata").GetProperty("dotnet_interactive").GetProperty("language").GetString()));
        Assert.All(code, c => Assert.Equal("csharp", c.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelName").GetString()));
        Assert.Equal("#r \"../artifacts/nblib/Persona.Core.dll\"", string.Concat(code[0].GetProperty("source").EnumerateArray().Select(l => l.GetString())));
        Assert.Equal("parameters", code[1].GetProperty("metadata").GetProperty("tags")[0].GetString());
        var parameters = string.Concat(code[1].GetProperty("source").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("var answersFile = \"../data/samples/interview-answers.md\";", parameters, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "notebooks", "../data/samples/interview-answers.md")));
    }
}
