using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Persona.Core.Interview;

/// <summary>
/// Reads the interview configuration (YAML). Every problem is reported with the file and line; a file
/// with problems is refused as a whole with one message listing them all.
/// </summary>
public static partial class InterviewConfigLoader
{
    /// <summary>Where the committed default lives, relative to the repository root.</summary>
    public const string DefaultRelativePath = "config/interview.yaml";

    /// <summary>The nearest <c>config/interview.yaml</c> above the working directory, else above the library's folder.</summary>
    /// <exception cref="FileNotFoundException">None found.</exception>
    public static Task<InterviewConfig> LoadDefaultAsync(CancellationToken cancellationToken = default)
    {
        var path = FindDefaultFile(Environment.CurrentDirectory) ?? FindDefaultFile(AppContext.BaseDirectory)
            ?? throw new FileNotFoundException($"no {DefaultRelativePath} above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}");
        return LoadAsync(path, cancellationToken);
    }

    /// <exception cref="InvalidDataException">The file is invalid; the message names every problem with its line.</exception>
    public static async Task<InterviewConfig> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var (config, problems) = Parse(text, path);
        if (config is null)
            throw new InvalidDataException($"Invalid interview configuration {path}:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        return config;
    }

    /// <summary>Parses without throwing: the config, or null and the problems (each "source:line: message").</summary>
    public static (InterviewConfig? Config, IReadOnlyList<string> Problems) Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<string>();
        void Problem(YamlNode? node, string message) =>
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{source}:{node?.Start.Line ?? 1}: {message}"));

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{source}:{ex.Start.Line}: {ex.Message}"));
            return (null, problems);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, "expected a mapping with 'categories'");
            return (null, problems);
        }

        var introduction = "";
        var budget = 14;
        var maxFollowUps = 1;
        var categories = new List<InterviewCategoryConfig>();
        var sensitive = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            switch (Scalar(keyNode))
            {
                case "introduction":
                    introduction = Scalar(value) ?? "";
                    break;
                case "question_budget":
                    budget = Int(value, 1, 200, "question_budget", Problem) ?? budget;
                    break;
                case "max_follow_ups":
                    maxFollowUps = Int(value, 0, 5, "max_follow_ups", Problem) ?? maxFollowUps;
                    break;
                case "categories" when value is YamlSequenceNode list:
                    foreach (var item in list.Children)
                    {
                        if (ReadCategory(item, Problem) is { } category)
                        {
                            if (categories.Exists(c => c.Id == category.Id))
                                Problem(item, $"category '{category.Id}' is listed twice");
                            else
                                categories.Add(category);
                        }
                    }

                    break;
                case "sensitive_topics" when value is YamlMappingNode topics:
                    foreach (var (topicKey, words) in topics.Children)
                        sensitive[Scalar(topicKey) ?? ""] = Strings(words, "sensitive topic words", Problem).Select(w => w.ToLowerInvariant()).ToList();
                    break;
                case "categories" or "sensitive_topics":
                    Problem(value, $"'{Scalar(keyNode)}' has the wrong shape (see the comments in {DefaultRelativePath})");
                    break;
                default:
                    Problem(keyNode, $"unknown key '{Scalar(keyNode)}'");
                    break;
            }
        }

        if (categories.Count == 0)
            Problem(root, "at least one category is required");
        return problems.Count > 0 ? (null, problems) : (new InterviewConfig(introduction.Trim(), budget, maxFollowUps, categories, sensitive, source), problems);
    }

    internal static string? FindDefaultFile(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    private static InterviewCategoryConfig? ReadCategory(YamlNode node, Action<YamlNode?, string> problem)
    {
        if (node is not YamlMappingNode map)
        {
            problem(node, "a category must be a mapping with id, title, target, field, shape and questions");
            return null;
        }

        string? id = null, title = null, field = null;
        double target = 1.0;
        var shape = DraftShape.List;
        List<string> questions = [];
        foreach (var (keyNode, value) in map.Children)
        {
            switch (Scalar(keyNode))
            {
                case "id": id = Scalar(value); break;
                case "title": title = Scalar(value); break;
                case "field": field = Scalar(value); break;
                case "target":
                    if (!double.TryParse(Scalar(value), NumberStyles.Float, CultureInfo.InvariantCulture, out target) || target <= 0 || target > 1)
                    {
                        problem(value, "target must be a number in (0, 1]");
                        target = 1.0;
                    }

                    break;
                case "shape":
                    if (!Enum.TryParse(Scalar(value), ignoreCase: true, out shape) || !Enum.IsDefined(shape))
                        problem(value, $"shape must be one of {string.Join(", ", Enum.GetNames<DraftShape>().Select(n => n.ToLowerInvariant()))}");
                    break;
                case "questions": questions = Strings(value, "questions", problem); break;
                default: problem(keyNode, $"unknown category key '{Scalar(keyNode)}'"); break;
            }
        }

        if (string.IsNullOrWhiteSpace(id) || !CategoryId().IsMatch(id))
            problem(node, $"category id '{id}' must be lower-case letters, digits or '-', starting with a letter");
        if (string.IsNullOrWhiteSpace(field) || !FieldPath().IsMatch(field))
            problem(node, $"category '{id}': field '{field}' must be a dotted path of names");
        if (questions.Count == 0)
            problem(node, $"category '{id}' needs at least one question");
        return string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(field)
            ? null
            : new InterviewCategoryConfig(id, string.IsNullOrWhiteSpace(title) ? id : title, target, field, shape, questions);
    }

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    private static int? Int(YamlNode node, int min, int max, string name, Action<YamlNode?, string> problem)
    {
        if (int.TryParse(Scalar(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problem(node, $"{name} must be a whole number from {min} to {max}");
        return null;
    }

    private static List<string> Strings(YamlNode node, string what, Action<YamlNode?, string> problem)
    {
        if (node is not YamlSequenceNode list)
        {
            problem(node, $"{what} must be a list");
            return [];
        }

        var result = new List<string>();
        foreach (var item in list.Children)
        {
            if (Scalar(item) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
                result.Add(text.Trim());
            else
                problem(item, $"{what}: expected a non-empty text");
        }

        return result;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex CategoryId();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*){0,2}$")]
    private static partial Regex FieldPath();
}
