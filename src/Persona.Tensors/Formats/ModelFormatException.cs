namespace Persona.Tensors.Formats;

/// <summary>A checkpoint, tokenizer or config file whose content is malformed; the message names the file and the place.</summary>
public sealed class ModelFormatException : IOException
{
    public ModelFormatException()
    {
    }

    public ModelFormatException(string message)
        : base(message)
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static ModelFormatException At(string path, long offset, string problem) =>
        new($"{Path.GetFileName(path)}: {problem} (at byte offset {offset})");

    internal static ModelFormatException In(string path, string problem) =>
        new($"{Path.GetFileName(path)}: {problem}");
}
