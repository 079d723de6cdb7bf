using System.CommandLine;
using Persona.Cli.Commands.Personas;

namespace Persona.Cli.Commands;

/// <summary><c>persona personas …</c>: the persona library (versions, contexts, resolution, preview, exports).</summary>
internal static class PersonasCommand
{
    public static Command Create(CliContext context)
    {
        var common = new LibraryOptions();
        return new Command("personas", "Manage a profile's persona library.")
        {
            ListCommand.Create(context, common),
            ShowCommand.Create(context, common),
            CreateCommand.Create(context, common),
            EditCommand.Create(context, common),
            DeleteCommand.Create(context, common, restore: false),
            DeleteCommand.Create(context, common, restore: true),
            HistoryCommand.Create(context, common),
            RevertCommand.Create(context, common),
            AssignCommand.Create(context, common, unassign: false),
            AssignCommand.Create(context, common, unassign: true),
            SetDefaultCommand.Create(context, common),
            ResolveCommand.Create(context, common),
            PreviewCommand.Create(context, common),
            LogCommand.Create(context, common),
            ExportCommand.Create(context, common),
            ImportCardCommand.Create(context, common),
        };
    }
}
