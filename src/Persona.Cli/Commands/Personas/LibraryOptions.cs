using System.CommandLine;
using Persona.Core.Library;
using Spectre.Console;

namespace Persona.Cli.Commands.Personas;

/// <summary>Options every <c>persona personas …</c> subcommand takes, and how they open the library.</summary>
internal sealed class LibraryOptions
{
    public Option<string> Profile { get; } = new("--profile")
    {
        Description = "Profile (user) whose library to use.",
        DefaultValueFactory = _ => "default",
    };

    public Option<DirectoryInfo> Profiles { get; } = new("--profiles")
    {
        Description = "Folder holding every profile.",
        DefaultValueFactory = _ => new DirectoryInfo(ProfilePaths.DefaultRoot),
    };

    public Option<string?> Author { get; } = new("--author") { Description = "Author recorded on the new version (default: the OS user)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Profile);
        command.Options.Add(Profiles);
        command.Options.Add(Author);
    }

    public PersonaLibrary Open(ParseResult parse) =>
        new(new PersonaLibraryOptions { ProfileId = parse.GetValue(Profile)!, ProfilesRoot = parse.GetValue(Profiles)!.FullName });

    /// <summary>Runs a library action, turning its refusals into one-line CLI errors with a fitting exit code.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (PersonaLibraryException ex)
        {
            throw new CliException(ex.Message, ex.Error == PersonaLibraryError.Conflict || ex.Error == PersonaLibraryError.LockTimeout ? ExitCodes.Conflict : ExitCodes.InputError);
        }
    }

    /// <summary>A plain-text Spectre console over the command's output writer (no colours, stable width).</summary>
    public static IAnsiConsole Console(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return console;
    }

    /// <summary>Reads text given inline or from a file (one of the two).</summary>
    public static async Task<string?> TextOrFileAsync(string? inline, FileInfo? file, string what, CancellationToken cancellationToken)
    {
        if (inline is not null && file is not null)
            throw new CliException($"Give {what} inline or as a file, not both.");
        if (file is null)
            return inline;
        if (!file.Exists)
            throw new CliException($"{what} file not found: {file.FullName}");
        return await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
    }
}
