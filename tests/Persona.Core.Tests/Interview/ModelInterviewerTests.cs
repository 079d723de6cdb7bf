using Microsoft.Extensions.AI;
using Persona.Core.Interview;
using Persona.Core.Llm;
using Persona.Core.Tests.Llm;

namespace Persona.Core.Tests.Interview;

/// <summary>Orchestration of the model path with a scripted chat client: what is sent, what is kept, when it falls back.</summary>
public sealed class ModelInterviewerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class ScriptedProvider(IChatClient client) : IChatClientProvider
    {
        public LlmProviderKind Kind => LlmProviderKind.Ollama;

        public IChatClient CreateClient(LlmRoleOptions options) => client;

        public Task<LlmReachability> ProbeAsync(LlmRoleOptions options, CancellationToken cancellationToken = default) =>
            Task.FromResult(new LlmReachability(true, "scripted", ["therapist-model"]));
    }

    private static LlmRuntime Runtime(ScriptedChatClient client)
    {
        var therapist = LlmRoleOptions.Offline with { Provider = LlmProviderKind.Ollama, Model = "therapist-model", MaxRetries = 0 };
        var options = new LlmOptions(new Dictionary<LlmRole, LlmRoleOptions>
        {
            [LlmRole.Psychotherapist] = therapist,
            [LlmRole.Summarizer] = therapist with { Model = "summary-model" },
        });
        return new LlmRuntime(options, [new ScriptedProvider(client)]);
    }

    [Fact]
    public async Task Session_ModelAnswers_RecordedWithModelProvenance()
    {
        using var fx = new InterviewFixture();
        var client = new ScriptedChatClient()
            .Reply("""{"question":"What do you hold most dear in how you live and work?"}""", "therapist-model")
            .Reply("""{"richness":"adequate","keyPhrases":["honesty","careful work"],"sensitiveTopics":[],"reflection":"Honesty and careful work guide you."}""")
            .Reply("""{"question":"Let's look ahead: what do you hope to achieve this year?"}""");
        using var runtime = Runtime(client);
        using var engine = new InterviewEngine(new InterviewOptions { ProfilesRoot = fx.Root, ProfileId = "alice", Seed = 1 }, fx.Config, runtime, fx.Clock);

        var session = await engine.StartAsync(cancellationToken: Ct);
        var turn = await engine.AnswerAsync(session.SessionId, "Honesty, and careful work that I can stand behind when someone checks it.", Ct);

        Assert.True(engine.UsesModel);
        Assert.Equal("What do you hold most dear in how you live and work?", session.Questions[0].Prompt);
        Assert.Equal(LlmPath.Model, session.Questions[0].Source.Path);
        Assert.Equal("therapist-model", session.Questions[0].Source.Model);
        Assert.Equal(AnswerRichness.Adequate, turn.Analysis.Richness);
        Assert.Equal(["honesty", "careful work"], turn.Analysis.KeyPhrases);
        Assert.Equal(LlmPath.Model, turn.Analysis.Source.Path);
        Assert.Equal("goals", turn.NextQuestion!.Category);
        // The psychotherapist is told the MI rules and the privacy guardrails.
        var system = client.Calls[0].Messages[0].Text;
        Assert.Contains("motivational interviewing", system, StringComparison.Ordinal);
        Assert.Contains("Never press for details about health, sexuality or finances", system, StringComparison.Ordinal);
        Assert.Contains("honesty", (await File.ReadAllTextAsync(engine.Paths.SessionFile(session.SessionId), Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysis_InventedPhrasesTwice_FallsBackOfflineWithReason()
    {
        using var fx = new InterviewFixture();
        const string invented = """{"richness":"rich","keyPhrases":["world peace"],"sensitiveTopics":[],"reflection":"x y z"}""";
        var client = new ScriptedChatClient()
            .Reply("""{"question":"What matters most to you?"}""")
            .Reply(invented)
            .Reply(invented)
            .Reply("""{"question":"Tell me more?"}""");
        using var runtime = Runtime(client);
        using var engine = new InterviewEngine(new InterviewOptions { ProfilesRoot = fx.Root, ProfileId = "alice", Seed = 1 }, fx.Config, runtime, fx.Clock);
        var session = await engine.StartAsync(cancellationToken: Ct);

        var turn = await engine.AnswerAsync(session.SessionId, "Honesty.", Ct);

        Assert.Equal(LlmPath.Offline, turn.Analysis.Source.Path);
        Assert.Contains("world peace", turn.Analysis.Source.Note, StringComparison.Ordinal);
        Assert.Equal(AnswerRichness.Brief, turn.Analysis.Richness); // the scripted analysis
        Assert.Contains("does not satisfy the required JSON schema", client.Calls[2].Messages[^1].Text, StringComparison.Ordinal); // one repair round-trip
    }

    [Fact]
    public async Task Question_ServerDown_ScriptedQuestionMarkedOffline()
    {
        using var fx = new InterviewFixture();
        var client = new ScriptedChatClient().Throw(new HttpRequestException("connection refused"));
        using var runtime = Runtime(client);
        using var engine = new InterviewEngine(new InterviewOptions { ProfilesRoot = fx.Root, ProfileId = "alice", Seed = 1 }, fx.Config, runtime, fx.Clock);

        var session = await engine.StartAsync(cancellationToken: Ct);

        var question = session.PendingQuestion!;
        Assert.Equal(fx.Config.Categories[0].Questions[0], question.Prompt);
        Assert.Equal(LlmPath.Offline, question.Source.Path);
        Assert.Contains("connection refused", question.Source.Note, StringComparison.Ordinal);
        var audit = await engine.AuditLog.ReadAsync(cancellationToken: Ct);
        Assert.Equal("offline", audit.Single(e => e.Event == InterviewEvent.QuestionAsked).Path);
    }
}
