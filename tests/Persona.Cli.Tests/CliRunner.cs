namespace Persona.Cli.Tests;

/// <summary>Runs the CLI in process with captured stdout and stderr.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        // Not disposed, and synchronized: commands that watch child processes write stderr lines from
        // the process's event threads, and a line delivered late must land in a live writer rather than
        // throw ObjectDisposedException on a thread-pool thread (which takes the whole test host down).
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await PersonaCli.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Output, string Error);
