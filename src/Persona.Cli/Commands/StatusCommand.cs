using System.CommandLine;
using Persona.Core.Llm.Configuration;

namespace Persona.Cli.Commands;

/// <summary>
/// <c>persona status [--config FILE] [--no-probe]</c>: each LLM role's provider and model, and whether the
/// model answers; a role whose model is missing is named on stderr (its steps run offline).
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var configOption = new Option<FileInfo?>("--config")
        {
            Description = $"LLM configuration file (default: ${LlmConfigLoader.ConfigPathVariable}, else the nearest {LlmConfigLoader.DefaultRelativePath}).",
        };
        var noProbeOption = new Option<bool>("--no-probe") { Description = "Show the configuration without contacting any server." };
        var command = new Command("status", "Show each LLM role's provider, model and whether it is reachable.") { configOption, noProbeOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = parse.GetValue(configOption);
            using var runtime = CliLlm.Open(config);
            var report = await runtime.GetStatusAsync(!parse.GetValue(noProbeOption), cancellationToken).ConfigureAwait(false);
            await context.Output.WriteAsync(report.ToString()).ConfigureAwait(false);
            foreach (var role in report.Unavailable)
                await context.Error.WriteLineAsync($"warning: role {role.Role} is configured for {role.Model} but {role.Detail}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
