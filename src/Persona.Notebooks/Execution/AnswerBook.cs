using System.Text.Json;
using Persona.Notebooks.Format;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Persona.Notebooks.Execution;

/// <summary>
/// Answers for input prompts (<c>Kernel.GetInputAsync</c>, <c>#!set … @input:"…"</c>): a map from prompt
/// text (case-insensitive, trimmed) to answer, read from a JSON object or a YAML mapping, with the run's
/// parameters as a second source keyed by name. A missing answer is an error naming the prompt.
/// </summary>
internal sealed class AnswerBook
{
    private readonly Dictionary<string, string> _byPrompt;
    private readonly Dictionary<string, string> _byName;

    public AnswerBook(IReadOnlyDictionary<string, string> byPrompt, IReadOnlyDictionary<string, string> byName)
    {
        _byPrompt = byPrompt.ToDictionary(p => Key(p.Key), p => p.Value, StringComparer.OrdinalIgnoreCase);
        _byName = new Dictionary<string, string>(byName, StringComparer.Ordinal);
    }

    public static AnswerBook Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public int Count => _byPrompt.Count;

    /// <summary>The answer for a prompt; also tries a parameter called <paramref name="name"/> or the prompt itself.</summary>
    public string Answer(string prompt, string? name = null)
    {
        if (_byPrompt.TryGetValue(Key(prompt), out var answer))
            return answer;
        if (name is not null && _byPrompt.TryGetValue(name, out var answerByName))
            return answerByName;
        if (name is not null && _byName.TryGetValue(name, out var byName))
            return byName;
        if (_byName.TryGetValue(prompt, out var byPromptName))
            return byPromptName;
        var what = name is null ? $"\"{prompt}\"" : $"\"{prompt}\" (value {name})";
        throw new InvalidOperationException(
            $"no answer for input prompt {what}: the headless runner never waits for typing; give the answer in --answers FILE (prompt: answer)"
            + (name is null ? string.Empty : $" or as -p {name}=VALUE"));
    }

    /// <summary>Reads an answers file: a JSON object or a YAML mapping of prompt → scalar answer.</summary>
    public static (AnswerBook? Book, NotebookDiagnostic? Error) Load(string path, IReadOnlyDictionary<string, string> parameters)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, new NotebookDiagnostic(path, "cannot read answers file: " + ex.Message));
        }

        var answers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    answers[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                        _ => throw new InvalidDataException($"answer for \"{property.Name}\" must be a string, number or boolean"),
                    };
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException)
            {
                return (null, new NotebookDiagnostic(path, "answers file is not a JSON object of prompt → answer: " + ex.Message));
            }
        }
        else
        {
            try
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader(text));
                if (yaml.Documents.Count > 0)
                {
                    if (yaml.Documents[0].RootNode is not YamlMappingNode map)
                        return (null, new NotebookDiagnostic(path, "answers file must be a mapping of prompt: answer", Line: (int)yaml.Documents[0].RootNode.Start.Line));
                    foreach (var (key, value) in map.Children)
                    {
                        if (key is not YamlScalarNode k || value is not YamlScalarNode v)
                            return (null, new NotebookDiagnostic(path, "every prompt and answer must be a plain value", Line: (int)key.Start.Line));
                        answers[k.Value ?? string.Empty] = v.Value ?? string.Empty;
                    }
                }
            }
            catch (YamlException ex)
            {
                return (null, new NotebookDiagnostic(path, "answers file is not valid YAML: " + ex.Message, Line: (int)ex.Start.Line));
            }
        }

        return (new AnswerBook(answers, parameters), null);
    }

    private static string Key(string prompt) => prompt.Trim();
}
