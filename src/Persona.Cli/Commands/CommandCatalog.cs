using System.CommandLine;

namespace Persona.Cli.Commands;

/// <summary>Every subcommand of <c>persona</c>, in pipeline order. One file per command beside this one.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        yield return RunCommand.Create(context);
        yield return ImportCommand.Create(context);
        yield return CategorizeCommand.Create(context);
        yield return ClusterCommand.Create(context);
        yield return PromptsCommand.Create(context);
        yield return PersonasCommand.Create(context);
        yield return InterviewCommand.Create(context);
        yield return GenerateCommand.Create(context);
        yield return LoraCommand.Create(context);
        yield return GenerateTextCommand.Create(context);
        yield return NotebooksCommand.Create(context);
        yield return StatusCommand.Create(context);
        yield return PathsCommand.Create(context);
    }
}
