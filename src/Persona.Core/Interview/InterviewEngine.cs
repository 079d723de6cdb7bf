using Persona.Core.Library;
using Persona.Core.Llm;

namespace Persona.Core.Interview;

/// <summary>
/// Runs persona interviews for one profile: start (or resume the unfinished session), answer, skip,
/// pause, resume, discard, finalize into a persona draft, review the draft against <c>core.json</c>
/// and apply, merge or discard it. The session file is written atomically after every step, so a
/// killed process resumes exactly where it stopped; every step is appended to the audit log.
/// </summary>
public sealed partial class InterviewEngine : IDisposable
{
    private readonly InterviewOptions _options;
    private readonly TimeProvider _time;
    private readonly IInterviewer _interviewer;
    private readonly InterviewAuditLog _audit;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Random _ids;

    /// <param name="options">Profile and seed.</param>
    /// <param name="config">Categories, seed questions and stop rules.</param>
    /// <param name="llm">
    /// The LLM roles; when the psychotherapist role has a model, it writes the questions and analyses and
    /// the summarizer role writes the draft (each falling back to the offline interviewer). Null: offline.
    /// </param>
    /// <param name="timeProvider">The clock (default: system).</param>
    public InterviewEngine(InterviewOptions options, InterviewConfig config, LlmRuntime? llm = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        Paths = new InterviewPaths(options.Validate());
        _options = options;
        Config = config;
        _time = timeProvider ?? TimeProvider.System;
        _interviewer = llm?.GetClient(LlmRole.Psychotherapist) is null && llm?.GetClient(LlmRole.Summarizer) is null
            ? new ScriptedInterviewer()
            : new ModelInterviewer(llm!);
        Library = new PersonaLibrary(new PersonaLibraryOptions { ProfilesRoot = options.ProfilesRoot, ProfileId = options.ProfileId, DefaultAuthor = options.Author }, _time);
        _audit = new InterviewAuditLog(Paths.AuditLog);
        _ids = new Random(options.Seed ?? Random.Shared.Next());
    }

    /// <summary>Loads <see cref="InterviewConfigLoader.LoadDefaultAsync"/> (or <paramref name="configPath"/>) and builds an engine.</summary>
    public static async Task<InterviewEngine> CreateAsync(InterviewOptions options, string? configPath = null, LlmRuntime? llm = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = configPath is null
            ? await InterviewConfigLoader.LoadDefaultAsync(cancellationToken).ConfigureAwait(false)
            : await InterviewConfigLoader.LoadAsync(configPath, cancellationToken).ConfigureAwait(false);
        return new InterviewEngine(options, config, llm, timeProvider);
    }

    public InterviewConfig Config { get; }

    public InterviewPaths Paths { get; }

    /// <summary>The profile's persona library; apply and merge write new core persona versions through it.</summary>
    public PersonaLibrary Library { get; }

    /// <summary>True when a model writes the questions (the session's questions record which path actually ran).</summary>
    public bool UsesModel => _interviewer is ModelInterviewer;

    /// <summary>Sessions, completion rate and decisions computed from the audit log.</summary>
    public Task<InterviewMetrics> GetMetricsAsync(CancellationToken cancellationToken = default) => _audit.ReadMetricsAsync(cancellationToken);

    /// <summary>The audit log of this profile's interviews.</summary>
    public InterviewAuditLog AuditLog => _audit;

    public void Dispose() => _gate.Dispose();

    private Task AuditAsync(InterviewEvent what, InterviewSession session, InterviewQuestion? question = null, string? path = null, string? detail = null, CancellationToken cancellationToken = default) =>
        _audit.AppendAsync(new InterviewAuditEntry(_time.GetUtcNow(), what, session.SessionId, question?.Id, question?.Category, path, detail), cancellationToken);

    private async Task<T> LockedAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
