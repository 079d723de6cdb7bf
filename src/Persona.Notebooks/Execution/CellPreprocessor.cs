using System.Text;
using System.Text.Json;

namespace Persona.Notebooks.Execution;

/// <summary>
/// Applies the Polyglot directives a C# notebook may use before Roslyn sees the text (Roslyn rejects
/// them): kernel selectors, <c>#!time</c>, <c>#!set --name N --value V</c> (with <c>@input</c>/<c>@password</c>
/// answered from the <see cref="AnswerBook"/>). <c>#r "nuget:…"</c>, <c>#i</c> and other magics are reported
/// as unsupported with their line. Every replaced line stays one line, so diagnostics keep the cell's line numbers.
/// </summary>
internal static class CellPreprocessor
{
    private static readonly HashSet<string> KernelSelectors =
    [
        "csharp", "c#", "C#", "fsharp", "f#", "F#", "pwsh", "powershell", "javascript", "js", "html",
        "markdown", "md", "mermaid", "sql", "kql", "value", "http",
    ];

    public static PreparedCell Prepare(string source, string kernel, AnswerBook answers)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Split('\n');
        var first = lines[0].Trim();
        if (first.StartsWith("#!", StringComparison.Ordinal))
        {
            var selector = first[2..].Split(' ', 2)[0];
            if (KernelSelectors.Contains(selector))
            {
                kernel = selector;
                lines[0] = string.Empty;
            }
        }

        switch (NormalizeKernel(kernel))
        {
            case "markdown":
                return new PreparedCell(CellAction.Skip, string.Empty);
            case "html":
                return new PreparedCell(CellAction.ShowHtml, string.Join('\n', lines).Trim('\n'));
            case "csharp":
                break;
            default:
                return new PreparedCell(CellAction.Unsupported, string.Empty, Error: $"cell kernel '{kernel}' is not supported by the headless runner (C#, html and markdown cells only)", ErrorLine: 1);
        }

        var timeIt = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (line.StartsWith("#r", StringComparison.Ordinal) && line[2..].TrimStart().TrimStart('"').TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                return Unsupported("#r \"nuget:…\" package references are not supported headless (no package restore); reference the library build output instead: #r \"../artifacts/nblib/Persona.Core.dll\"", i);
            if (line.StartsWith("#i ", StringComparison.Ordinal) || line == "#i")
                return Unsupported("#i package sources are not supported headless (no package restore)", i);
            if (!line.StartsWith("#!", StringComparison.Ordinal))
                continue;

            var magic = line[2..].Split(' ', 2)[0].TrimEnd('\r');
            switch (magic)
            {
                case "csharp" or "c#" or "C#":
                    lines[i] = string.Empty;
                    break;
                case "time":
                    timeIt = true;
                    lines[i] = string.Empty;
                    break;
                case "set":
                    var (code, error) = TranslateSet(line.TrimEnd('\r'), answers);
                    if (error is not null)
                        return Unsupported(error, i);
                    lines[i] = code!;
                    break;
                default:
                    return Unsupported($"magic command '#!{magic}' is not supported by the headless runner (supported: #!csharp, #!time, #!set, #!html and #!markdown cells)", i);
            }
        }

        var text = string.Join('\n', lines);
        return text.Trim().Length == 0
            ? new PreparedCell(CellAction.Skip, string.Empty)
            : new PreparedCell(CellAction.RunCSharp, text, timeIt);
    }

    private static PreparedCell Unsupported(string message, int lineIndex) =>
        new(CellAction.Unsupported, string.Empty, Error: message, ErrorLine: lineIndex + 1);

    private static string NormalizeKernel(string name) => name switch
    {
        "csharp" or "c#" or "C#" or "" => "csharp",
        "markdown" or "md" => "markdown",
        _ => name,
    };

    private static (string? Code, string? Error) TranslateSet(string line, AnswerBook answers)
    {
        var tokens = Tokenize(line[2..]);
        string? name = null;
        string? value = null;
        for (var t = 1; t < tokens.Count; t++)
        {
            switch (tokens[t])
            {
                case "--name" when t + 1 < tokens.Count:
                    name = Unquote(tokens[++t]);
                    break;
                case "--value" when t + 1 < tokens.Count:
                    value = tokens[++t];
                    break;
                case "--byref":
                    break;
                default:
                    return (null, $"#!set option '{tokens[t]}' is not supported headless (use --name N --value V)");
            }
        }

        if (name is null || value is null)
            return (null, "#!set needs --name and --value");
        if (!(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
            return (null, $"#!set --name '{name}' is not a C# identifier");

        var password = value.StartsWith("@password", StringComparison.Ordinal);
        if (password || value.StartsWith("@input", StringComparison.Ordinal))
        {
            var spec = value[(password ? "@password".Length : "@input".Length)..];
            var prompt = $"Please enter a value for parameter: {name}";
            if (spec.StartsWith(':'))
                prompt = PromptOf(spec[1..]);
            var answer = answers.Answer(prompt, name);
            return password
                ? ($"var {name} = new Microsoft.DotNet.Interactive.PasswordString({CSharpLiteral.String(answer)});", null)
                : ($"var {name} = {CSharpLiteral.String(answer)};", null);
        }

        if (value.StartsWith('@'))
            return (null, $"#!set --value {value}: sharing values from other kernels is not supported headless");
        return ($"var {name} = {CSharpLiteral.String(Unquote(value))};", null);
    }

    private static string PromptOf(string spec)
    {
        if (spec.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(spec);
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (string.Equals(property.Name, "prompt", StringComparison.OrdinalIgnoreCase))
                        return property.Value.GetString() ?? string.Empty;
                }
            }
            catch (JsonException)
            {
                return spec;
            }
        }

        return Unquote(spec);
    }

    private static string Unquote(string token)
    {
        if (token.Length < 2 || token[0] != '"' || token[^1] != '"')
            return token;
        var builder = new StringBuilder();
        for (var i = 1; i < token.Length - 1; i++)
        {
            if (token[i] == '\\' && i + 1 < token.Length - 1)
                i++;
            builder.Append(token[i]);
        }

        return builder.ToString();
    }

    /// <summary>Splits on spaces, keeping "quoted strings" and {json objects} whole.</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inQuote = false;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuote)
            {
                current.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                    current.Append(text[++i]);
                else if (c == '"')
                    inQuote = false;
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuote = true;
                    current.Append(c);
                    break;
                case '{':
                    depth++;
                    current.Append(c);
                    break;
                case '}':
                    depth--;
                    current.Append(c);
                    break;
                case ' ' or '\t' when depth == 0:
                    if (current.Length > 0)
                        tokens.Add(current.ToString());
                    current.Clear();
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }

        if (current.Length > 0)
            tokens.Add(current.ToString());
        return tokens;
    }
}
