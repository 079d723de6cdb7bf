using System.CommandLine;
using Persona.Core.Pipeline;

namespace Persona.Cli.Commands;

/// <summary>Options shared by the stage commands.</summary>
internal static class CommonOptions
{
    /// <summary><c>--out DIR</c>: the pipeline folder a stage reads earlier outputs from and writes its own to.</summary>
    public static Option<DirectoryInfo> Out() => new("--out")
    {
        Description = "Pipeline output folder: earlier stages' outputs are read from here and this stage's are written here.",
        DefaultValueFactory = _ => new DirectoryInfo(PipelinePaths.DefaultRoot),
    };
}
