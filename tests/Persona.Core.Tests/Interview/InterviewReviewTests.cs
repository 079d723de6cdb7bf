using System.Text.Json.Nodes;
using Persona.Core.Interview;
using Persona.Core.Library;

namespace Persona.Core.Tests.Interview;

public sealed class InterviewReviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(InterviewEngine Engine, string SessionId)> FinalizedAsync(InterviewFixture fx, string profile = "alice")
    {
        var engine = fx.Engine(profile);
        var result = await engine.RunScriptAsync(await InterviewFixture.SampleAnswersAsync(), cancellationToken: Ct);
        return (engine, result.Session.SessionId);
    }

    private static async Task<CorePersona> SeedCoreAsync(InterviewEngine engine)
    {
        var fields = new Dictionary<string, JsonNode?>
        {
            ["values.core"] = new JsonArray("Kindness", "Honesty"),
            ["biography"] = JsonValue.Create("Former teacher."),
            ["location"] = JsonValue.Create("Utrecht"),
        };
        return await engine.Library.Core.ApplyAsync(new CorePersonaUpdate(fields, CoreFieldSource.Manual), 0, "tester", cancellationToken: Ct);
    }

    [Fact]
    public async Task Review_DiffsDraftAgainstCoreFieldByField()
    {
        using var fx = new InterviewFixture();
        var (engine, id) = await FinalizedAsync(fx);
        using var _ = engine;
        await SeedCoreAsync(engine);

        var review = await engine.ReviewAsync(id, Ct);

        Assert.Equal(1, review.CoreVersion);
        Assert.Equal(FieldChange.Changed, review.Fields.Single(f => f.Path == "values.core").Change);
        Assert.Equal(FieldChange.Changed, review.Fields.Single(f => f.Path == "biography").Change);
        Assert.Equal(FieldChange.Added, review.Fields.Single(f => f.Path == "goals.shortTerm").Change);
        Assert.Equal(FieldChange.Removed, review.Fields.Single(f => f.Path == "location").Change);
        Assert.Equal(["biography"], review.MergeConflicts.Select(c => c.Path));
        Assert.Contains("values.core", review.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("<table", review.ToHtml(), StringComparison.Ordinal);
        Assert.Equal(1, (await engine.Library.Core.GetAsync(Ct)).Version); // reviewing changes nothing
    }

    [Fact]
    public async Task Apply_ReplacesCoreAsNewRevertibleVersion()
    {
        using var fx = new InterviewFixture();
        var (engine, id) = await FinalizedAsync(fx);
        using var _ = engine;
        var before = await SeedCoreAsync(engine);
        var draft = (await engine.LoadAsync(id, Ct)).PersonaDraft!;

        var result = await engine.DecideAsync(id, ReviewChoice.Apply, cancellationToken: Ct);

        var core = await engine.Library.Core.GetAsync(Ct);
        Assert.Equal(2, result.CoreVersion);
        Assert.Equal(2, core.Version);
        Assert.Null(core.GetField("location")); // replace: the draft is the whole core persona
        foreach (var field in draft.Fields)
            Assert.True(JsonNode.DeepEquals(field.Value, core.GetField(field.Path)), field.Path);
        Assert.Equal(CoreFieldSource.Interview, core.Provenance["values.core"].Source);
        Assert.Contains(id, core.Note, StringComparison.Ordinal);
        Assert.True(File.Exists(engine.Library.Paths.CoreFile));

        var reverted = await engine.Library.Core.RevertAsync(1, 2, cancellationToken: Ct);
        Assert.True(JsonNode.DeepEquals(before.Fields, reverted.Fields));
        await Assert.ThrowsAsync<InterviewException>(() => engine.DecideAsync(id, ReviewChoice.Merge, cancellationToken: Ct));
    }

    [Fact]
    public async Task Merge_FillsGapsAppendsListsAndKeepsConflictingText()
    {
        using var fx = new InterviewFixture();
        var (engine, id) = await FinalizedAsync(fx);
        using var _ = engine;
        await SeedCoreAsync(engine);

        var result = await engine.DecideAsync(id, ReviewChoice.Merge, cancellationToken: Ct);

        var core = await engine.Library.Core.GetAsync(Ct);
        Assert.Equal(2, core.Version);
        var values = core.GetField("values.core")!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Equal(["Kindness", "Honesty"], values.Take(2)); // current items first, then new ones once
        Assert.Equal(values.Count, values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("careful craftsmanship", values, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Former teacher.", core.GetField("biography")!.GetValue<string>());
        Assert.Equal("Utrecht", core.GetField("location")!.GetValue<string>());
        Assert.NotNull(core.GetField("goals.shortTerm"));
        Assert.Equal(["biography"], result.Conflicts.Select(c => c.Path));
        Assert.DoesNotContain("biography", result.FieldsWritten);
    }

    [Fact]
    public async Task Discard_LeavesCoreUntouched()
    {
        using var fx = new InterviewFixture();
        var (engine, id) = await FinalizedAsync(fx);
        using var _ = engine;
        await SeedCoreAsync(engine);
        var coreBefore = await File.ReadAllTextAsync(engine.Library.Paths.CoreFile, Ct);

        var result = await engine.DecideAsync(id, ReviewChoice.Discard, cancellationToken: Ct);

        Assert.Null(result.CoreVersion);
        Assert.Equal(coreBefore, await File.ReadAllTextAsync(engine.Library.Paths.CoreFile, Ct));
        Assert.Equal(ReviewChoice.Discard, (await engine.LoadAsync(id, Ct)).Review);
    }

    [Fact]
    public async Task Review_BeforeFinalize_Refused()
    {
        using var fx = new InterviewFixture();
        using var engine = fx.Engine();
        var session = await engine.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<InterviewException>(() => engine.DecideAsync(session.SessionId, ReviewChoice.Apply, cancellationToken: Ct));

        Assert.Equal(InterviewError.InvalidState, error.Error);
        Assert.False(File.Exists(engine.Library.Paths.CoreFile));
    }

    [Fact]
    public async Task AuditLog_RecordsEveryStepWithoutPersonalTextAndYieldsMetrics()
    {
        using var fx = new InterviewFixture();
        var (engine, id) = await FinalizedAsync(fx);
        using var _ = engine;
        await engine.DecideAsync(id, ReviewChoice.Merge, cancellationToken: Ct);
        var second = await engine.StartAsync(cancellationToken: Ct);
        await engine.DiscardAsync(second.SessionId, cancellationToken: Ct);

        var entries = await engine.AuditLog.ReadAsync(cancellationToken: Ct);
        var metrics = await engine.GetMetricsAsync(Ct);
        var text = await File.ReadAllTextAsync(engine.Paths.AuditLog, Ct);

        Assert.Equal(InterviewEvent.SessionStarted, entries[0].Event);
        Assert.Equal(InterviewEvent.QuestionAsked, entries[1].Event);
        Assert.Equal("offline", entries[1].Path);
        Assert.Contains(entries, e => e.Event == InterviewEvent.Finalized && e.SessionId == id);
        Assert.Contains(entries, e => e.Event == InterviewEvent.Merged && e.Detail!.StartsWith("core version 1", StringComparison.Ordinal));
        Assert.Equal(2, metrics.SessionsStarted);
        Assert.Equal(1, metrics.SessionsCompleted);
        Assert.Equal(1, metrics.SessionsAborted);
        Assert.Equal(1, metrics.Merged);
        Assert.Equal(0.5, metrics.CompletionRate);
        Assert.Equal(entries.Count(e => e.Event == InterviewEvent.QuestionAsked), metrics.QuestionsAsked);
        Assert.DoesNotContain("Honesty", text, StringComparison.Ordinal);
        Assert.DoesNotContain("physics", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profiles_AreIsolated()
    {
        using var fx = new InterviewFixture();
        var (alice, id) = await FinalizedAsync(fx, "alice");
        using var _ = alice;
        using var bob = fx.Engine("bob");

        var notFound = await Assert.ThrowsAsync<InterviewException>(() => bob.LoadAsync(id, Ct));
        var review = await Assert.ThrowsAsync<InterviewException>(() => bob.DecideAsync(id, ReviewChoice.Apply, cancellationToken: Ct));
        Assert.Equal(InterviewError.NotFound, notFound.Error);
        Assert.Equal(InterviewError.NotFound, review.Error);
        Assert.Null(await bob.FindUnfinishedAsync(Ct));

        // A session file copied into another profile is still refused: it names its own profile.
        Directory.CreateDirectory(bob.Paths.Folder);
        File.Copy(alice.Paths.SessionFile(id), bob.Paths.SessionFile(id));
        var copied = await Assert.ThrowsAsync<InterviewException>(() => bob.LoadAsync(id, Ct));
        Assert.Contains("does not belong to profile 'bob'", copied.Message, StringComparison.Ordinal);

        Assert.Throws<InterviewException>(() => fx.Engine("../alice"));
        Assert.Throws<InterviewException>(() => fx.Engine("alice/x"));
        var traversal = await Assert.ThrowsAsync<InterviewException>(() => alice.LoadAsync("../../bob/persona/core", Ct));
        Assert.Equal(InterviewError.Validation, traversal.Error);
        Assert.False(File.Exists(bob.Library.Paths.CoreFile));
    }
}
