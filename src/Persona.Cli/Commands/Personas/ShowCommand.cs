using System.CommandLine;

namespace Persona.Cli.Commands.Personas;

/// <summary><c>persona personas show ID [--version N]</c>: one persona with its instructions.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context, LibraryOptions common)
    {
        var id = new Argument<string>("id") { Description = "Persona id." };
        var version = new Option<int?>("--version") { Description = "Show this stored version instead of the current one." };
        var command = new Command("show", "Show a persona.") { id, version };
        common.AddTo(command);
        command.SetAction((parse, ct) => LibraryOptions.RunAsync(async () =>
        {
            var library = common.Open(parse);
            var p = parse.GetValue(version) is { } v
                ? (await library.GetVersionAsync(parse.GetValue(id)!, v, ct).ConfigureAwait(false)).Persona
                : await library.GetAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            var o = context.Output;
            await o.WriteLineAsync($"id:          {p.Id}").ConfigureAwait(false);
            await o.WriteLineAsync($"name:        {p.Name}").ConfigureAwait(false);
            await o.WriteLineAsync($"version:     {p.Version}").ConfigureAwait(false);
            await o.WriteLineAsync($"source:      {p.Source.ToString().ToLowerInvariant()}").ConfigureAwait(false);
            await o.WriteLineAsync($"active:      {(p.IsActive ? "yes" : "no (deleted)")}").ConfigureAwait(false);
            await o.WriteLineAsync($"created:     {p.CreatedAt:O}").ConfigureAwait(false);
            await o.WriteLineAsync($"updated:     {p.UpdatedAt:O} by {p.Author}").ConfigureAwait(false);
            await o.WriteLineAsync($"description: {p.Description}").ConfigureAwait(false);
            await o.WriteLineAsync("instructions:").ConfigureAwait(false);
            await o.WriteLineAsync(p.Instructions).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
