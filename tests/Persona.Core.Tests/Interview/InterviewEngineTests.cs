using System.Text.Json;
using Persona.Core.Interview;

namespace Persona.Core.Tests.Interview;

public sealed class InterviewEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullSession_OfflineInterviewer_CoverageRisesFollowUpsQuoteAnswersAndStops()
    {
        using var fx = new InterviewFixture();
        using var engine = fx.Engine();
        var script = await InterviewFixture.SampleAnswersAsync();
        Assert.Empty(script.Diagnostics);

        var session = await engine.StartAsync(cancellationToken: Ct);
        var previousTotal = 0.0;
        var unused = script.Answers.ToList();
        InterviewTurn? turn = null;
        while (session.PendingQuestion is { } question)
        {
            var entry = unused.First(a => a.Category == question.Category);
            unused.Remove(entry);
            turn = await engine.AnswerAsync(session.SessionId, entry.Text, Ct);
            session = turn.Session;
            var total = session.Coverage.Sum(c => c.Coverage);
            Assert.True(total > previousTotal, $"coverage did not rise after {question.Id}");
            previousTotal = total;
            if (turn.NextQuestion is { Kind: InterviewQuestionKind.FollowUp } followUp)
            {
                // A reflective follow-up is built from the answer's own words.
                Assert.Equal(question.Category, followUp.Category);
                Assert.Equal(turn.Analysis.AnswerId, followUp.FollowsAnswerId);
                Assert.Contains(turn.Analysis.KeyPhrases.Take(2), p => followUp.Prompt.Contains(p, StringComparison.Ordinal));
            }
        }

        Assert.NotNull(turn);
        Assert.True(turn.IsFinished);
        Assert.Contains("coverage target", session.StopReason, StringComparison.Ordinal);
        Assert.All(session.Coverage, c => Assert.True(c.IsDone, c.Category + " not covered"));
        Assert.True(session.Questions.Count <= fx.Config.QuestionBudget);
        Assert.Contains(session.Questions, q => q.Kind == InterviewQuestionKind.FollowUp);
        Assert.All(session.Questions, q => Assert.Equal(Persona.Core.Llm.LlmPath.Offline, q.Source.Path));
        Assert.Equal(session.Answers.Count, session.Analyses.Count);
    }

    [Fact]
    public async Task Planner_BudgetSpent_StopsWithReason()
    {
        using var fx = new InterviewFixture();
        using var engine = fx.Engine(config: fx.Config with { QuestionBudget = 3 });
        var session = await engine.StartAsync(cancellationToken: Ct);

        for (var i = 0; i < 3; i++)
            session = (await engine.AnswerAsync(session.SessionId, "Honesty and careful work, mostly.", Ct)).Session;

        Assert.Null(session.PendingQuestion);
        Assert.Equal(3, session.Questions.Count);
        Assert.Contains("budget of 3", session.StopReason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InterviewException>(() => engine.AnswerAsync(session.SessionId, "more", Ct));
    }

    [Fact]
    public async Task Skip_TwiceInCategory_DeclinedAndNeverPressed()
    {
        using var fx = new InterviewFixture();
        using var engine = fx.Engine();
        var session = await engine.StartAsync(cancellationToken: Ct);
        var first = session.PendingQuestion!;

        var turn = await engine.SkipAsync(session.SessionId, Ct);

        Assert.NotEqual(first.Category, turn.NextQuestion!.Category); // a skipped category is not asked again straight away
        Assert.Equal(InterviewQuestionKind.Seed, turn.NextQuestion.Kind);
        Assert.StartsWith("That's fine, we can skip that.", turn.NextQuestion.Prompt, StringComparison.Ordinal);
        Assert.Equal(AnswerRichness.Skipped, turn.Analysis.Richness);

        session = turn.Session;
        while (session.PendingQuestion is { } q)
            session = q.Category == first.Category ? (await engine.SkipAsync(session.SessionId, Ct)).Session : (await engine.AnswerAsync(session.SessionId, "Short answer only.", Ct)).Session;
        var values = session.Coverage.Single(c => c.Category == first.Category);
        Assert.True(values.Declined);
        Assert.Equal(2, values.Skipped);
    }

    [Fact]
    public async Task SensitiveAnswer_NotFollowedUpAndKeptOutOfDraft()
    {
        using var fx = new InterviewFixture();
        using var engine = fx.Engine();
        var session = await engine.StartAsync(cancellationToken: Ct);

        var turn = await engine.AnswerAsync(session.SessionId,
            "Since my diagnosis last year I care about rest. Honesty with my family matters most, and steady routines help me think clearly every single day of the week. " +
            "Careful craftsmanship in my work, fairness to colleagues and patient listening are the other things I would not give up for anything.", Ct);

        Assert.Equal(["health"], turn.Analysis.SensitiveTopics);
        Assert.Equal(AnswerRichness.Rich, turn.Analysis.Richness); // rich answers are normally followed up
        Assert.Equal(InterviewQuestionKind.Seed, turn.NextQuestion!.Kind);
        Assert.StartsWith("Thank you for trusting me with that", turn.NextQuestion.Prompt, StringComparison.Ordinal);
        var draft = await engine.FinalizeAsync(session.SessionId, Ct);
        var json = JsonSerializer.Serialize(draft.Fields.Select(f => f.Value?.ToJsonString()));
        Assert.DoesNotContain("diagnosis", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Careful craftsmanship", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseResume_ContinuesWithTheSamePendingQuestion()
    {
        using var fx = new InterviewFixture();
        using var engine = fx.Engine();
        var session = await engine.StartAsync(cancellationToken: Ct);
        session = (await engine.AnswerAsync(session.SessionId, "Honesty.", Ct)).Session;
        var pending = session.PendingQuestion!;

        var paused = await engine.PauseAsync(session.SessionId, Ct);
        var refused = await Assert.ThrowsAsync<InterviewException>(() => engine.AnswerAsync(session.SessionId, "x", Ct));
        using var restarted = fx.Engine(seed: 99); // a new process: only the files remain
        var unfinished = await restarted.FindUnfinishedAsync(Ct);
        var resumed = await restarted.StartAsync(cancellationToken: Ct);

        Assert.Equal(InterviewStatus.Paused, paused.Status);
        Assert.Equal(InterviewError.InvalidState, refused.Error);
        Assert.Equal(session.SessionId, unfinished!.SessionId);
        Assert.Equal(session.SessionId, resumed.SessionId);
        Assert.Equal(InterviewStatus.Active, resumed.Status);
        Assert.Equal(pending, resumed.PendingQuestion);
    }

    [Fact]
    public async Task Resume_AfterInterruptedRun_AsksWhatAnUninterruptedRunAsks()
    {
        using var fx = new InterviewFixture();
        var script = await InterviewFixture.SampleAnswersAsync();
        using var whole = fx.Engine("whole");
        var uninterrupted = (await whole.RunScriptAsync(script, cancellationToken: Ct)).Session;

        using var first = fx.Engine("split");
        var firstPart = new AnswerScript(script.Source, script.Answers.Take(3).ToList(), []);
        var paused = await first.RunScriptAsync(firstPart, cancellationToken: Ct);
        using var second = fx.Engine("split", seed: 12345);
        var rest = new AnswerScript(script.Source, script.Answers.Skip(3).ToList(), []);
        var finished = (await second.RunScriptAsync(rest, cancellationToken: Ct)).Session;

        Assert.Equal(InterviewStatus.Paused, paused.Session.Status);
        Assert.Null(paused.Draft);
        Assert.Equal(InterviewStatus.Completed, finished.Status);
        // Same seed-derived choices: the resumed session asks exactly the same questions.
        Assert.Equal(uninterrupted.Questions.Select(q => q.Prompt), finished.Questions.Select(q => q.Prompt));
    }

    [Fact]
    public async Task Resume_TurnCutAfterTheAnswerWasSaved_FinishesItAsAnUninterruptedRunWould()
    {
        using var fx = new InterviewFixture();
        const string answer = "Honesty and careful craftsmanship guide my work, and I value fairness, patience and learning something new every single week with the people around me at work and at home.";
        using var whole = fx.Engine("whole");
        var uninterrupted = await whole.AnswerAsync((await whole.StartAsync(cancellationToken: Ct)).SessionId, answer, Ct);

        using var cut = fx.Engine("cut");
        var turn = await cut.AnswerAsync((await cut.StartAsync(cancellationToken: Ct)).SessionId, answer, Ct);
        // The file as a process killed right after saving the answer leaves it: no analysis, no next question.
        var session = turn.Session;
        session.Analyses.RemoveAt(session.Analyses.Count - 1);
        session.Questions.RemoveAt(session.Questions.Count - 1);
        await File.WriteAllTextAsync(cut.Paths.SessionFile(session.SessionId), JsonSerializer.Serialize(session, InterviewJsonContext.Default.InterviewSession), Ct);

        using var restarted = fx.Engine("cut", seed: 555);
        var resumed = await restarted.StartAsync(cancellationToken: Ct);

        Assert.Equal(session.SessionId, resumed.SessionId);
        Assert.Single(resumed.Answers);
        var analysis = Assert.Single(resumed.Analyses);
        Assert.Equal(uninterrupted.Analysis.Richness, analysis.Richness);
        Assert.Equal(uninterrupted.Analysis.KeyPhrases, analysis.KeyPhrases);
        Assert.Equal(uninterrupted.NextQuestion!.Prompt, resumed.PendingQuestion!.Prompt);
    }

    [Fact]
    public async Task Discard_MarksAbortedAndOptionallyDeletes()
    {
        using var fx = new InterviewFixture();
        using var engine = fx.Engine();
        var kept = await engine.StartAsync(cancellationToken: Ct);
        await engine.AnswerAsync(kept.SessionId, "Honesty and careful work.", Ct);

        var aborted = await engine.DiscardAsync(kept.SessionId, cancellationToken: Ct);
        var deleted = await engine.StartAsync(resumeUnfinished: true, cancellationToken: Ct);
        await engine.DiscardAsync(deleted.SessionId, deleteTranscript: true, Ct);

        Assert.Equal(InterviewStatus.Aborted, aborted.Status);
        Assert.NotEqual(kept.SessionId, deleted.SessionId); // an aborted session is not offered for resumption
        Assert.Equal(InterviewStatus.Aborted, (await engine.LoadAsync(kept.SessionId, Ct)).Status);
        await Assert.ThrowsAsync<InterviewException>(() => engine.FinalizeAsync(kept.SessionId, Ct));
        Assert.False(File.Exists(engine.Paths.SessionFile(deleted.SessionId)));
        Assert.Null(await engine.FindUnfinishedAsync(Ct));
    }

    [Fact]
    public async Task Finalize_WritesDraftSummaryAndTrainingCopy()
    {
        using var fx = new InterviewFixture();
        using var engine = fx.Engine();
        var result = await engine.RunScriptAsync(await InterviewFixture.SampleAnswersAsync(), cancellationToken: Ct);
        var id = result.Session.SessionId;

        var draft = result.Draft!;
        Assert.Equal(InterviewStatus.Completed, result.Session.Status);
        Assert.Contains(draft.Field("values.core")!.Value!.AsArray(), v => v!.GetValue<string>() == "Honesty");
        Assert.NotEmpty(draft.Field("goals.shortTerm")!.Value!.AsArray());
        Assert.Contains(draft.Field("goals.longTerm")!.Value!.AsArray(), v => v!.GetValue<string>().Contains("lead a small engineering team", StringComparison.Ordinal));
        Assert.Contains(draft.Field("personality.traits")!.Value!.AsArray(), v => v!.GetValue<string>() == "direct");
        Assert.Contains("physics", draft.Field("biography")!.Value!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(draft.Field("currentFocus"));
        Assert.All(draft.Fields, f =>
        {
            Assert.InRange(f.Confidence, 0.01, 1);
            Assert.NotEmpty(f.AnswerIds);
            Assert.All(f.AnswerIds, a => Assert.NotNull(result.Session.Answer(a)));
        });

        var summaryText = await File.ReadAllTextAsync(engine.Paths.SummaryFile(id), Ct);
        fx.Clock.Advance(TimeSpan.FromHours(1));
        var again = await engine.FinalizeAsync(id, Ct);
        Assert.Equal(summaryText, await File.ReadAllTextAsync(engine.Paths.SummaryFile(id), Ct)); // immutable
        Assert.Equal(draft.CreatedAt, again.CreatedAt);

        using var training = JsonDocument.Parse(await File.ReadAllTextAsync(engine.Paths.TrainingFile(id), Ct));
        Assert.Equal(result.Session.Answers.Count, training.RootElement.GetProperty("answers").GetArrayLength());
        Assert.Equal(result.Session.Answers.Count, training.RootElement.GetProperty("analyses").GetArrayLength());
        Assert.StartsWith(Path.Combine(fx.Root, "alice", "memory", "training", "persona"), engine.Paths.TrainingFile(id), StringComparison.Ordinal);
    }
}
