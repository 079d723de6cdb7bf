namespace Persona.Core.Display;

/// <summary>The MIME types the display convention produces.</summary>
public static class DisplayMimeTypes
{
    public const string Html = "text/html";

    public const string PlainText = "text/plain";
}
