using System.CommandLine;
using Persona.Cli.Commands;

namespace Persona.Cli;

/// <summary>
/// Builds the <c>persona</c> command tree and runs it. Data a command prints goes to
/// <c>output</c> (stdout); progress and diagnostics go to <c>error</c> (stderr).
/// </summary>
internal static class PersonaCli
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Persona Notebooks: turn your chat history into personas an LLM can wear.");
        foreach (var command in CommandCatalog.Create(context))
            root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error);
        var root = Build(context);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("persona: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync("persona: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
#pragma warning disable CA1031 // The CLI's top level maps every failure to an exit code and a message.
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync("persona: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.InputError;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync("persona: unexpected error: " + ex).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
#pragma warning restore CA1031
    }
}
