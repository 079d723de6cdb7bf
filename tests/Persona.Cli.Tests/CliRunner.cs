namespace Persona.Cli.Tests;

/// <summary>Runs the CLI in process with captured stdout and stderr.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PersonaCli.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Output, string Error);
