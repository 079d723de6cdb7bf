using System.CommandLine;
using Persona.Core.Library;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas resolve CONTEXT [--override P] [--request-id R] [--preview]</c>: which persona serves a request, and why.</summary>
internal static class ResolveCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var contextId = new Argument<string>("context") { Description = "Context id." };
        var overrideId = new Option<string?>("--override") { Description = "Persona the request asks for (must be assigned to the context)." };
        var requestId = new Option<string?>("--request-id") { Description = "Request id recorded in the usage log (default: generated)." };
        var preview = new Option<bool>("--preview") { Description = "Log as a preview (what will serve) rather than a served request." };
        var command = new Command("resolve", "Resolve the persona for a request and log it.") { contextId, overrideId, requestId, preview };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var r = await common.Open(parse).ResolveAsync(new PersonaRequest(parse.GetValue(contextId)!, parse.GetValue(overrideId), parse.GetValue(requestId)), parse.GetValue(preview), ct).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"{r.Persona.Id} v{r.Persona.Version} {ReasonName(r.Reason)} request={r.RequestId}").ConfigureAwait(false);
            await context.Error.WriteLineAsync(r.Explanation).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    public static string ReasonName(ResolutionReason reason) => reason switch
    {
        ResolutionReason.Override => "override",
        ResolutionReason.ContextDefault => "context-default",
        ResolutionReason.GlobalDefault => "global-default",
        _ => "builtin-fallback",
    };
}
