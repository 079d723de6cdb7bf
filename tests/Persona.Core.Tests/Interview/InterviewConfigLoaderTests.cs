using Persona.Core.Interview;

namespace Persona.Core.Tests.Interview;

public sealed class InterviewConfigLoaderTests
{
    [Fact]
    public void CommittedDefault_HasTheFiveCategories()
    {
        var config = InterviewFixture.LoadConfig();

        Assert.Equal(["values", "goals", "style", "biography", "focus"], config.Categories.Select(c => c.Id));
        Assert.All(config.Categories, c => Assert.NotEmpty(c.Questions));
        Assert.Contains("health", config.SensitiveTopics.Keys);
        Assert.InRange(config.QuestionBudget, 5, 30);
    }

    [Fact]
    public void Parse_BadContent_EveryProblemWithItsLine()
    {
        var (config, problems) = InterviewConfigLoader.Parse(
            "question_budget: lots\nmystery: 1\ncategories:\n  - id: Values\n    field: values.core\n    shape: blob\n    questions: []\n", "bad.yaml");

        Assert.Null(config);
        Assert.Contains("bad.yaml:1: question_budget must be a whole number from 1 to 200", problems);
        Assert.Contains("bad.yaml:2: unknown key 'mystery'", problems);
        Assert.Contains(problems, p => p.StartsWith("bad.yaml:6: shape must be one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad.yaml:4: category id 'Values'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad.yaml:4: category 'Values' needs at least one question", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MalformedYaml_ReportsLocation()
    {
        var (config, problems) = InterviewConfigLoader.Parse("categories: [\n  - id: x\n", "broken.yaml");

        Assert.Null(config);
        Assert.StartsWith("broken.yaml:", Assert.Single(problems), StringComparison.Ordinal);
    }
}
