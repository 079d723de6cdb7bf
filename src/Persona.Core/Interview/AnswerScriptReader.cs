using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Persona.Core.Interview;

/// <summary>
/// Reads batch answers. JSON and YAML: a list (or an object with <c>answers:</c>) whose items are texts or
/// objects with <c>answer</c>, optional <c>category</c>, optional <c>skip: true</c> (a <c>question</c> key is
/// allowed as a note). Markdown: each question starts with a level 2–6 heading or a <c>Q:</c> line (a title and preamble before the first are ignored), optionally tagged
/// <c>[category]</c>; the lines below (an <c>A:</c> prefix is optional) are the answer; <c>/skip</c> skips.
/// Never throws on bad content: problems become diagnostics with their location.
/// </summary>
public static partial class AnswerScriptReader
{
    public static async Task<AnswerScript> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    public static AnswerScript Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var extension = Path.GetExtension(source).ToLowerInvariant();
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (extension == ".json" || (extension is not (".md" or ".markdown" or ".yaml" or ".yml") && trimmed.StartsWith('{') || trimmed.StartsWith('[')))
            return ParseJson(text, source);
        if (extension is ".yaml" or ".yml")
            return ParseYaml(text, source);
        return ParseMarkdown(text, source);
    }

    private static AnswerScript ParseJson(string text, string source)
    {
        var answers = new List<ScriptedAnswer>();
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{source}:{(ex.LineNumber ?? 0) + 1}: not valid JSON: {ex.Message}"));
            return new AnswerScript(source, answers, problems);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("answers", out var list))
                root = list;
            if (root.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{source}: expected a list of answers or an object with \"answers\"");
                return new AnswerScript(source, answers, problems);
            }

            var i = 0;
            foreach (var item in root.EnumerateArray())
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"{source}: answers[{i++}]");
                switch (item.ValueKind)
                {
                    case JsonValueKind.String:
                        Add(answers, problems, item.GetString(), false, null, where);
                        break;
                    case JsonValueKind.Object:
                        var answer = Text(item, "answer") ?? Text(item, "text");
                        var skip = item.TryGetProperty("skip", out var s) && s.ValueKind == JsonValueKind.True;
                        Add(answers, problems, answer, skip, Text(item, "category"), where);
                        break;
                    default:
                        problems.Add($"{where}: expected a text or an object with \"answer\"");
                        break;
                }
            }
        }

        return new AnswerScript(source, answers, problems);
    }

    private static AnswerScript ParseYaml(string text, string source)
    {
        var answers = new List<ScriptedAnswer>();
        var problems = new List<string>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{source}:{ex.Start.Line}: {ex.Message}"));
            return new AnswerScript(source, answers, problems);
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("answers"), out var list))
            root = list;
        if (root is not YamlSequenceNode sequence)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{source}:{root?.Start.Line ?? 1}: expected a list of answers or a mapping with 'answers'"));
            return new AnswerScript(source, answers, problems);
        }

        foreach (var item in sequence.Children)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{source}:{item.Start.Line}");
            switch (item)
            {
                case YamlScalarNode scalar:
                    Add(answers, problems, scalar.Value, false, null, where);
                    break;
                case YamlMappingNode entry:
                    string? Get(string key) => entry.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
                    var skip = string.Equals(Get("skip"), "true", StringComparison.OrdinalIgnoreCase);
                    Add(answers, problems, Get("answer") ?? Get("text"), skip, Get("category"), where);
                    break;
                default:
                    problems.Add($"{where}: expected a text or a mapping with 'answer'");
                    break;
            }
        }

        return new AnswerScript(source, answers, problems);
    }

    private static AnswerScript ParseMarkdown(string text, string source)
    {
        var answers = new List<ScriptedAnswer>();
        var problems = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        string? category = null;
        var questionLine = 0;
        var body = new StringBuilder();
        void Flush()
        {
            if (questionLine == 0)
                return;
            var answer = body.ToString().Trim();
            var where = string.Create(CultureInfo.InvariantCulture, $"{source}:{questionLine}");
            Add(answers, problems, answer, answer is "/skip" or "(skip)", category, where);
            body.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var question = Question().Match(line);
            if (question.Success)
            {
                Flush();
                questionLine = i + 1;
                category = question.Groups["category"].Success ? question.Groups["category"].Value : null;
                continue;
            }

            if (questionLine == 0)
                continue; // a title and preamble before the first question are not answers

            body.Append(AnswerPrefix().Replace(line, "")).Append('\n');
        }

        Flush();
        if (answers.Count == 0 && problems.Count == 0)
            problems.Add($"{source}:1: no questions found (start each with a '##' heading or a 'Q:' line)");
        return new AnswerScript(source, answers, problems);
    }

    private static void Add(List<ScriptedAnswer> answers, List<string> problems, string? text, bool skip, string? category, string where)
    {
        if (category is not null && !CategoryPattern().IsMatch(category))
        {
            problems.Add($"{where}: category '{category}' is not a category id");
            return;
        }

        if (skip)
        {
            answers.Add(new ScriptedAnswer("", true, category, where));
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{where}: empty answer (write /skip or skip: true to skip a question)");
            return;
        }

        answers.Add(new ScriptedAnswer(text.Trim(), false, category, where));
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^\s*(?:#{2,6}\s+|\*\*Q(?:uestion)?\s*\d*[:.]\*\*\s*|Q(?:uestion)?\s*\d*\s*[:.]\s+)(?:\[(?<category>[^\]]+)\]\s*)?(?<text>.*)$")]
    private static partial Regex Question();

    [GeneratedRegex(@"^\s*(?:\*\*A(?:nswer)?\s*[:.]\*\*|A(?:nswer)?\s*[:.])\s?")]
    private static partial Regex AnswerPrefix();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex CategoryPattern();
}
