namespace Persona.Core.Training;

/// <summary>The row layout for each <see cref="LoraDataFormat"/>.</summary>
internal static class LoraRowFormats
{
    public static ILoraRowFormat For(LoraDataFormat format) => format switch
    {
        LoraDataFormat.OpenAI => new OpenAIRowFormat(),
        LoraDataFormat.ShareGpt => new ShareGptRowFormat(),
        LoraDataFormat.Trainer => new TrainerRowFormat(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };
}
