using System.Text;

namespace Persona.Core.Library.Exports;

/// <summary>
/// Writes an Ollama Modelfile. Ollama's parser ends a quoted value at the first line break where the
/// value read so far (trimmed) is complete: for <c>"""…"""</c> that is a line ending in <c>"""</c>.
/// Text with such a line inside cannot be represented and is refused with a clear error.
/// </summary>
public static class OllamaModelfile
{
    private const string Triple = "\"\"\"";

    public static string Write(PersonaEntry persona, string baseModel, string? adapterPath = null)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var sb = new StringBuilder();
        sb.Append("# ").Append(persona.Name.Replace('\n', ' ')).Append(" (persona '").Append(persona.Id).Append("' v").Append(persona.Version).Append(")\n");
        sb.Append("FROM ").Append(SingleLine(baseModel, "FROM")).Append('\n');
        if (!string.IsNullOrEmpty(adapterPath))
            sb.Append("ADAPTER ").Append(SingleLine(adapterPath, "ADAPTER")).Append('\n');
        sb.Append("SYSTEM ").Append(QuoteMultiline(persona.Instructions)).Append('\n');
        return sb.ToString();
    }

    /// <summary>A value in triple quotes, exactly as Ollama reads it back.</summary>
    public static string QuoteMultiline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r'))
                continue;
            var soFar = (Triple + text[..i]).Trim();
            if (soFar.Length >= 6 && soFar.EndsWith(Triple, StringComparison.Ordinal))
            {
                var line = text[..i].Count(c => c == '\n') + 1;
                throw new ArgumentException($"Line {line} of the text ends with \"\"\", which would end an Ollama SYSTEM value early; edit the persona to export it as a Modelfile.", nameof(text));
            }
        }

        return Triple + text + Triple;
    }

    private static string SingleLine(string value, string instruction)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            throw new ArgumentException($"The {instruction} value must be one non-empty line.", nameof(value));
        if (!value.Contains(' ', StringComparison.Ordinal) && !value.Contains('\t', StringComparison.Ordinal) && !value.StartsWith('"'))
            return value;
        if (value.Contains('"', StringComparison.Ordinal))
            throw new ArgumentException($"The {instruction} value '{value}' holds both spaces and quotes, which a Modelfile cannot express.", nameof(value));
        return "\"" + value + "\"";
    }
}
