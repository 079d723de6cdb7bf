using System.CommandLine;
using Persona.Core.Pipeline;

namespace Persona.Cli.Commands;

/// <summary><c>persona paths [--out DIR]</c>: prints where each stage reads and writes, and what exists.</summary>
internal static class PathsCommand
{
    public static Command Create(CliContext context)
    {
        var outOption = CommonOptions.Out();
        var command = new Command("paths", "Show the pipeline folder layout and which outputs exist.") { outOption };
        command.SetAction(parse =>
        {
            var paths = new PipelinePaths(parse.GetValue(outOption)!.FullName);
            foreach (var (name, path) in Entries(paths))
            {
                var exists = File.Exists(path) || Directory.Exists(path);
                context.Output.WriteLine($"{name,-22} {(exists ? "present" : "missing"),-8} {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<(string Name, string Path)> Entries(PipelinePaths paths)
    {
        yield return ("all_messages", paths.AllMessages);
        yield return ("self_description", paths.SelfDescription);
        yield return ("import_report", paths.ImportReport);
        yield return ("categorized_messages", paths.CategorizedMessages);
        yield return ("cluster_analysis", paths.ClusterAnalysis);
        yield return ("cluster_assignments", paths.ClusterAssignments);
        yield return ("generated_prompts", paths.GeneratedPrompts);
        yield return ("lora_training", paths.LoraTraining);
        yield return ("reports", paths.Reports);
    }
}
