using System.Net;
using System.Text.Json;
using Persona.Core.Llm;
using Persona.Core.Llm.Ollama;
using Persona.Core.Pipeline;
using Persona.Core.Tests.Llm;
using Persona.Core.Training;
using Persona.Core.Training.Synthetic;
using Persona.Tests;
using static Persona.Core.Tests.Training.TrainingFixtures;

namespace Persona.Core.Tests.Training.Synthetic;

/// <summary>
/// <c>--synthetic-prompts</c> end to end through the real Ollama client over recorded HTTP exchanges: which
/// openers are asked about, what is sent, how answers are marked, cached, counted, and how failures are reported.
/// </summary>
public sealed class SyntheticPromptPassTests
{
    private const string Model = "qwen-test";
    private static readonly Uri Endpoint = new("http://ollama.test:11434");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceMessage[] Messages() =>
    [
        Message("m1", "Can you draft a packing checklist for a two-room flat?", null, 1),
        Message("m2", "I'd book the van first, then pack one room per evening.", "How should I organise the move?", 2),
        Message("m3", "What is a sensible way to learn Greek verbs in a month?", null, 3),
    ];

    private static LlmRuntime Runtime(RecordedHttpHandler handler)
    {
        var responder = LlmRoleOptions.Offline with { Provider = LlmProviderKind.Ollama, Model = Model, Endpoint = Endpoint, MaxRetries = 0 };
        var options = new LlmOptions(new Dictionary<LlmRole, LlmRoleOptions> { [LlmRole.Responder] = responder }, "test configuration");
        return new LlmRuntime(options, [new OllamaChatClientProvider(() => new HttpClient(handler))]);
    }

    private static RecordedExchange Tags(string model = Model + ":latest") =>
        new("GET", "/api/tags", null, $$"""{"models":[{"name":"{{model}}","model":"{{model}}"}]}""");

    private static RecordedExchange Chat(string content, HttpStatusCode status = HttpStatusCode.OK) =>
        new("POST", "/api/chat", null, status == HttpStatusCode.OK
            ? $$"""{"model":"{{Model}}","created_at":"2026-01-02T03:04:05Z","message":{"role":"assistant","content":{{JsonSerializer.Serialize(content)}}},"done":true,"done_reason":"stop"}"""
            : """{"error":"model crashed"}""", status);

    private static string Answer(string prompt) => JsonSerializer.Serialize(new Dictionary<string, string> { ["prompt"] = prompt });

    private static LoraDataOptions Options(int max = LoraDataOptions.DefaultMaxSyntheticPerPersona) =>
        new() { SyntheticPrompts = true, MaxSyntheticPerPersona = max, ValidFraction = 0 };

    [Fact]
    public async Task BuildAsync_ResponderAnswers_OpenersGetItsUserTurnMarkedSynthetic()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", Messages());
        var handler = new RecordedHttpHandler(
            Tags(),
            Chat(Answer("I'm moving out of my two-room flat next month. Where should I start?")),
            Chat(Answer("You said you want to pick up some Greek before your trip.")));
        using var llm = Runtime(handler);
        var progress = new List<SyntheticPromptProgress>();

        var result = await LoraDataStage.BuildAsync(paths, options: Options(), llm: llm, progress: new SynchronousProgress<SyntheticPromptProgress>(progress.Add), cancellationToken: Ct);
        var files = await LoraDataStage.WriteAsync(result, paths, cancellationToken: Ct);

        Assert.Equal(0, handler.Remaining);
        var persona = result.Personas.Single();
        var byId = persona.Train.ToDictionary(e => e.Id);
        Assert.Equal(ContextKind.SyntheticPrompt, byId["m1"].Context);
        Assert.True(byId["m1"].Synthetic);
        Assert.Equal("I'm moving out of my two-room flat next month. Where should I start?", byId["m1"].Turns[1].Content);
        Assert.Equal("Can you draft a packing checklist for a two-room flat?", byId["m1"].Turns[2].Content);
        Assert.Equal(ContextKind.AssistantReply, byId["m2"].Context);
        Assert.Equal(ContextKind.SyntheticPrompt, byId["m3"].Context);
        Assert.Equal(2, persona.SyntheticCount);
        Assert.Equal(["m1 Written", "m3 Written"], progress.Select(p => $"{p.MessageId} {p.Outcome}"));

        var report = result.SyntheticPrompts!;
        Assert.True(report.Ran);
        Assert.Equal(("ollama", Model, 2, 0, 2, 0), (report.Provider, report.Model, report.Selected, report.FromCache, report.Asked, report.Failures.Count));

        // What was sent: the role's model, temperature 0, the dataset seed, the schema, and the opener's text.
        using var request = JsonDocument.Parse(handler.RequestBodies[1]);
        var body = request.RootElement;
        Assert.Equal(Model, body.GetProperty("model").GetString());
        Assert.Equal(0, body.GetProperty("options").GetProperty("temperature").GetDouble());
        Assert.Equal(42, body.GetProperty("options").GetProperty("seed").GetInt64());
        Assert.True(body.GetProperty("format").GetProperty("properties").TryGetProperty("prompt", out _));
        Assert.Contains("Can you draft a packing checklist for a two-room flat?", body.GetProperty("messages")[1].GetProperty("content").GetString(), StringComparison.Ordinal);

        var train = await File.ReadAllTextAsync(files.Single(f => f.EndsWith("_train.jsonl", StringComparison.Ordinal)), Ct);
        Assert.Contains("\"id\":\"m1\",\"source\":\"message\",\"context\":\"synthetic_prompt\",\"synthetic\":true", train, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"m2\",\"source\":\"message\",\"context\":\"assistant_reply\",\"synthetic\":false", train, StringComparison.Ordinal);
        using var card = JsonDocument.Parse(await File.ReadAllTextAsync(files.Single(f => f.EndsWith(".card.json", StringComparison.Ordinal)), Ct));
        Assert.Equal(2, card.RootElement.GetProperty("counts").GetProperty("synthetic").GetInt32());
        Assert.Equal(2, card.RootElement.GetProperty("counts").GetProperty("by_context").GetProperty("synthetic_prompt").GetInt32());
        var section = card.RootElement.GetProperty("synthetic_prompts");
        Assert.Equal("responder", section.GetProperty("role").GetString());
        Assert.Equal("ollama", section.GetProperty("provider").GetString());
        Assert.Equal(Model, section.GetProperty("model").GetString());
        Assert.Equal(SyntheticPromptWriter.PromptVersion, section.GetProperty("prompt_version").GetString());
        Assert.Equal(2, section.GetProperty("written").GetInt32());
        var markdown = await File.ReadAllTextAsync(files.Single(f => f.EndsWith(".card.md", StringComparison.Ordinal)), Ct);
        Assert.Contains("## Synthetic user turns", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_SecondRun_AnswersFromTheCacheWithoutAskingAndWritesTheSameBytes()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", Messages());
        var first = new RecordedHttpHandler(Tags(), Chat(Answer("Moving soon? What do you need?")), Chat(Answer("How is your Greek coming along?")));
        Dictionary<string, byte[]> firstBytes;
        using (var llm = Runtime(first))
        {
            var files = await LoraDataStage.WriteAsync(await LoraDataStage.BuildAsync(paths, options: Options(), llm: llm, cancellationToken: Ct), paths, cancellationToken: Ct);
            firstBytes = files.ToDictionary(f => f, File.ReadAllBytes);
        }

        var second = new RecordedHttpHandler(Tags()); // any chat request would fail: "unexpected request"
        using var again = Runtime(second);
        var result = await LoraDataStage.BuildAsync(paths, options: Options(), llm: again, cancellationToken: Ct);
        var written = await LoraDataStage.WriteAsync(result, paths, cancellationToken: Ct);

        Assert.Equal(0, second.Remaining);
        Assert.Equal((2, 0), (result.SyntheticPrompts!.FromCache, result.SyntheticPrompts.Asked));
        Assert.All(written, f => Assert.Equal(firstBytes[f], File.ReadAllBytes(f)));
        Assert.True(File.Exists(Path.Combine(paths.LoraTraining, SyntheticPromptWriter.CacheFileName)));
    }

    [Fact]
    public async Task BuildAsync_ModelFailsForOneOpener_ReportsItsIdAndKeepsEveryOtherAnswer()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", Messages());
        var handler = new RecordedHttpHandler(Tags(), Chat("", HttpStatusCode.InternalServerError), Chat(Answer("Any plans for the summer?")));
        using var llm = Runtime(handler);

        var result = await LoraDataStage.BuildAsync(paths, options: Options(), llm: llm, cancellationToken: Ct);
        var files = await LoraDataStage.WriteAsync(result, paths, cancellationToken: Ct);

        var failure = Assert.Single(result.SyntheticPrompts!.Failures);
        Assert.Equal(("planner", "m1"), (failure.Persona, failure.MessageId));
        Assert.Contains("500", failure.Reason, StringComparison.Ordinal);
        var byId = result.Personas.Single().Train.ToDictionary(e => e.Id);
        Assert.Equal(ContextKind.GenericOpener, byId["m1"].Context);
        Assert.Equal(LoraDataOptions.DefaultGenericOpener, byId["m1"].Turns[1].Content);
        Assert.Equal(ContextKind.SyntheticPrompt, byId["m3"].Context);
        using var card = JsonDocument.Parse(await File.ReadAllTextAsync(files.Single(f => f.EndsWith(".card.json", StringComparison.Ordinal)), Ct));
        Assert.Equal(["m1"], card.RootElement.GetProperty("synthetic_prompts").GetProperty("failed").EnumerateArray().Select(e => e.GetString()));

        // A failed opener is not cached: the next run asks again.
        var retry = new RecordedHttpHandler(Tags(), Chat(Answer("Moving house soon?")));
        using var again = Runtime(retry);
        var second = await LoraDataStage.BuildAsync(paths, options: Options(), llm: again, cancellationToken: Ct);
        Assert.Equal(0, retry.Remaining);
        Assert.Equal(ContextKind.SyntheticPrompt, second.Personas.Single().Train.Single(e => e.Id == "m1").Context);
    }

    [Fact]
    public async Task BuildAsync_AnswerRepeatsTheMessage_RepairedOnceThenUsed()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", [Messages()[0]]);
        var handler = new RecordedHttpHandler(
            Tags(),
            Chat(Answer("Can you draft a packing checklist for a two-room flat?")),
            Chat(Answer("I'm moving next week and can help you prepare. What would be useful?")));
        using var llm = Runtime(handler);

        var result = await LoraDataStage.BuildAsync(paths, options: Options(), llm: llm, cancellationToken: Ct);

        Assert.Equal(0, handler.Remaining);
        Assert.Contains("repeats the person", handler.RequestBodies[2], StringComparison.Ordinal);
        Assert.Equal("I'm moving next week and can help you prepare. What would be useful?", result.Personas.Single().Train.Single().Turns[1].Content);
        var line = await File.ReadAllTextAsync(Path.Combine(paths.LoraTraining, SyntheticPromptWriter.CacheFileName), Ct);
        Assert.Contains("\"path\":\"repaired\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_NoResponderConfigured_SaysWhyAndWritesTheSameBytesAsWithoutTheOption()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", Messages());
        var plain = await LoraDataStage.WriteAsync(await LoraDataStage.BuildAsync(paths, options: Options() with { SyntheticPrompts = false }, cancellationToken: Ct), paths, cancellationToken: Ct);
        var expected = plain.ToDictionary(f => f, File.ReadAllBytes);
        using var offline = new LlmRuntime(LlmOptions.AllOffline, []);

        var result = await LoraDataStage.BuildAsync(paths, options: Options(), llm: offline, cancellationToken: Ct);
        var written = await LoraDataStage.WriteAsync(result, paths, cancellationToken: Ct);

        Assert.False(result.SyntheticPrompts!.Ran);
        Assert.Contains("no model is configured for the responder role", result.SyntheticPrompts.Note, StringComparison.Ordinal);
        Assert.All(written, f => Assert.Equal(expected[f], File.ReadAllBytes(f)));
        Assert.False(File.Exists(Path.Combine(paths.LoraTraining, SyntheticPromptWriter.CacheFileName)));
    }

    [Fact]
    public async Task BuildAsync_ModelNotOnTheServer_SaysWhyAndAsksNothing()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", Messages());
        var handler = new RecordedHttpHandler(Tags("llama3.2:latest"));
        using var llm = Runtime(handler);

        var result = await LoraDataStage.BuildAsync(paths, options: Options(), llm: llm, cancellationToken: Ct);

        Assert.False(result.SyntheticPrompts!.Ran);
        Assert.Contains("not pulled", result.SyntheticPrompts.Note, StringComparison.Ordinal);
        Assert.Equal(0, result.Personas.Single().SyntheticCount);
    }

    [Fact]
    public async Task BuildAsync_MoreOpenersThanTheCap_AsksAboutASeededChoice()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        var openers = Prose(6).Select(m => m with { Context = null }).ToArray();
        WriteClusterFile(paths.Root, "planner", openers);
        async Task<string[]> ChosenAsync(int seed)
        {
            var handler = new RecordedHttpHandler([Tags(), .. Enumerable.Range(0, 2).Select(i => Chat(Answer($"Question number {i}?")))]);
            using var llm = Runtime(handler);
            var result = await LoraDataStage.BuildAsync(paths, options: Options(max: 2) with { Seed = seed }, llm: llm, cancellationToken: Ct);
            Assert.Equal(0, handler.Remaining);
            return [.. result.Personas.Single().Train.Concat(result.Personas.Single().Valid).Where(e => e.Synthetic).Select(e => e.Id)];
        }

        var first = await ChosenAsync(1);
        File.Delete(Path.Combine(paths.LoraTraining, SyntheticPromptWriter.CacheFileName));
        var again = await ChosenAsync(1);
        var seeds = new List<string[]>();
        for (var seed = 2; seed <= 5; seed++)
        {
            File.Delete(Path.Combine(paths.LoraTraining, SyntheticPromptWriter.CacheFileName));
            seeds.Add(await ChosenAsync(seed));
        }

        Assert.Equal(2, first.Length);
        Assert.Equal(first, again);
        Assert.Contains(seeds, chosen => !chosen.SequenceEqual(first));
    }

    [Fact]
    public async Task BuildAsync_CacheLineCutOff_IsReportedAndTheNextAnswerStartsOnItsOwnLine()
    {
        using var temp = TestPaths.CreateTempDirectory();
        var paths = new PipelinePaths(temp.Path);
        WriteClusterFile(paths.Root, "planner", [Messages()[0]]);
        Directory.CreateDirectory(paths.LoraTraining);
        var cacheFile = Path.Combine(paths.LoraTraining, SyntheticPromptWriter.CacheFileName);
        await File.WriteAllTextAsync(cacheFile, "{\"message_id\":\"m1\",\"prov", Ct);
        var handler = new RecordedHttpHandler(Tags(), Chat(Answer("Moving soon? What do you need?")));
        using var llm = Runtime(handler);

        var result = await LoraDataStage.BuildAsync(paths, options: Options(), llm: llm, cancellationToken: Ct);

        Assert.Contains(result.Diagnostics, d => d.ToString() == "lora_training/synthetic_prompts.cache.jsonl:1: not a synthetic-prompt cache entry; ignored");
        var lines = (await File.ReadAllTextAsync(cacheFile, Ct)).Split('\n');
        Assert.Equal(3, lines.Length); // the cut-off line, the new entry, and the empty string after the final newline
        using var entry = JsonDocument.Parse(lines[1]);
        Assert.Equal("m1", entry.RootElement.GetProperty("message_id").GetString());
        Assert.Equal(64, entry.RootElement.GetProperty("text_sha256").GetString()!.Length);
    }

    /// <summary>Reports on the calling thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
