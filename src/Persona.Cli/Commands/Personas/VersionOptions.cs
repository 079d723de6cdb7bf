using System.CommandLine;
using Persona.Core.Library;

namespace Persona.Cli.Commands.Personas;

/// <summary>The <c>--expected-version</c> option: the optimistic-concurrency check of every change.</summary>
internal static class VersionOptions
{
    public static Option<int?> Expected() => new("--expected-version")
    {
        Description = "Fail with a conflict unless the persona is still at this version (default: the version read just before the change).",
    };

    public static async Task<int> ExpectedOrCurrentAsync(ParseResult parse, Option<int?> option, PersonaLibrary library, string personaId, CancellationToken cancellationToken) =>
        parse.GetValue(option) ?? (await library.GetAsync(personaId, cancellationToken).ConfigureAwait(false)).Version;
}
