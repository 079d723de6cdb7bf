using System.CommandLine;
using Persona.Cli.Commands.Lora;

namespace Persona.Cli.Commands;

/// <summary><c>persona lora …</c>: per-persona LoRA training data, and adapter training.</summary>
internal static class LoraCommand
{
    public static Command Create(CliContext context) => new("lora", "Prepare LoRA training data for each persona and train adapters.")
    {
        DataCommand.Create(context),
        TrainCommand.Create(context),
    };
}
