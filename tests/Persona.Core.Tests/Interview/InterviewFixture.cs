using Persona.Core.Interview;
using Persona.Core.Tests.Library;
using Persona.Tests;

namespace Persona.Core.Tests.Interview;

/// <summary>A temp profiles folder, a manual clock (advancing a second per read) and the committed interview config.</summary>
internal sealed class InterviewFixture : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.CreateTempDirectory();

    public InterviewFixture()
    {
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        Config = LoadConfig();
    }

    public string Root => _dir.Path;

    public ManualTimeProvider Clock { get; }

    public InterviewConfig Config { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static InterviewConfig LoadConfig() =>
        InterviewConfigLoader.LoadAsync(Path.Combine(TestPaths.RepoRoot, "config", "interview.yaml"), TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    public InterviewEngine Engine(string profile = "alice", InterviewConfig? config = null, int seed = 7) =>
        new(new InterviewOptions { ProfilesRoot = Root, ProfileId = profile, Seed = seed, Author = "tester" }, config ?? Config, null, Clock);

    public static Task<AnswerScript> SampleAnswersAsync() =>
        AnswerScriptReader.ReadAsync(Path.Combine(TestPaths.Samples, "interview-answers.md"), TestContext.Current.CancellationToken);

    public void Dispose() => _dir.Dispose();
}
