using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Persona.Core.Library;

/// <summary>
/// One profile's persona library: personas with an append-only version history, contexts with
/// assignments and defaults, resolution with a usage log, and the core persona (<see cref="Core"/>).
/// Every change runs under the profile lock with an expected-version check, so two writers (threads
/// or processes) never lose an update: the second gets <see cref="PersonaLibraryError.Conflict"/>.
/// </summary>
public sealed partial class PersonaLibrary
{
    /// <summary>Id of the built-in fallback persona: editable, never deletable.</summary>
    public const string BuiltinFallbackId = "builtin-fallback";

    internal const string BuiltinFallbackName = "Default assistant";

    internal const string BuiltinFallbackInstructions =
        "You are a helpful, honest assistant. Answer clearly and concisely, say when you are unsure, and ask a short clarifying question when a request is ambiguous.";

    private readonly PersonaLibraryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PersonaLibrary(PersonaLibraryOptions options, TimeProvider? timeProvider = null, ILogger<PersonaLibrary>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Paths = options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Core = new CorePersonaStore(this);
    }

    /// <summary>Where this profile's files are.</summary>
    public ProfilePaths Paths { get; }

    /// <summary>The person's core persona (<c>core.json</c>), versioned like the personas.</summary>
    public CorePersonaStore Core { get; }

    internal TimeProvider Time => _time;

    internal string AuthorOr(string? author) => string.IsNullOrWhiteSpace(author) ? _options.DefaultAuthor : author;

    internal async Task<T> WithLockAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        using var held = await ProfileLock.AcquireAsync(Paths.LockFile, _options.LockTimeout, _time, cancellationToken).ConfigureAwait(false);
        return await action().ConfigureAwait(false);
    }

    private static PersonaLibraryException NotFound(string what) => new(PersonaLibraryError.NotFound, what);

    private static void ExpectVersion(string what, int expected, int actual)
    {
        if (expected != actual)
        {
            throw new PersonaLibraryException(PersonaLibraryError.Conflict,
                $"{what} is at version {actual}, not the expected version {expected}: it was changed by someone else. Reload and try again.");
        }
    }
}
