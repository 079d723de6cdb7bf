using Persona.Core.Clustering;

namespace Persona.Core.Tests.Clustering;

public sealed class ClusterNamerTests
{
    private static Dictionary<string, IReadOnlyDictionary<string, double>> Shares(string topic, double topicShare, string tone, double toneShare) => new()
    {
        ["topic"] = new Dictionary<string, double> { [topic] = topicShare },
        ["tone"] = new Dictionary<string, double> { [tone] = toneShare },
        ["length"] = new Dictionary<string, double> { ["short"] = 1.0 },
    };

    private static IReadOnlyList<TermWeight> Terms(params string[] terms) => [.. terms.Select(t => new TermWeight(t, 1))];

    [Fact]
    public void Name_SameDominantCategories_NamesAreStillUnique()
    {
        var shares = Enumerable.Range(0, 4).Select(_ => Shares("coding", 0.9, "technical", 0.8)).ToArray();
        var terms = new[] { Terms("cache", "docker"), Terms("cache", "regex"), Terms("cache"), Terms("cache") };

        var names = ClusterNamer.Name(shares, terms, ClusteringRules.Default.Archetypes);

        Assert.Equal(4, names.Select(n => n.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("Debugger", names[0].Name);
        Assert.Equal("Debugger", names[0].Archetype);
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n.Why)));
    }

    [Fact]
    public void Name_EvidenceBelowThreshold_NoArchetype()
    {
        var names = ClusterNamer.Name([Shares("coding", 0.3, "casual", 0.9)], [Terms("x")], ClusteringRules.Default.Archetypes);

        Assert.Null(names[0].Archetype);
        Assert.Equal("Coding (casual)", names[0].Name);
        Assert.Contains("30%", names[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_ArchetypeGoesToTheBestFittingCluster()
    {
        var names = ClusterNamer.Name(
            [Shares("creative", 0.55, "casual", 0.5), Shares("creative", 0.95, "exploratory", 0.6)],
            [Terms("a"), Terms("b")],
            ClusteringRules.Default.Archetypes);

        Assert.Equal("Storyteller", names[1].Name);
        Assert.NotEqual("Storyteller", names[0].Name);
    }

    [Fact]
    public void Rules_EditedArchetype_ChangesTheName()
    {
        var rules = ClusteringRules.Parse("archetypes:\n  - name: Tinkerer\n    when: { topic: { coding: 0.5 } }\n    why: hands-on coding\n", "edited.yaml");

        var names = ClusterNamer.Name([Shares("coding", 0.9, "technical", 0.8)], [Terms("cache")], rules.Archetypes);

        Assert.Equal("Tinkerer", names[0].Name);
        Assert.StartsWith("hands-on coding: 90% coding", names[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_UnknownFacetAndDuplicateName_AreReported()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ClusteringRules.Parse(
            "archetypes:\n  - name: A\n    when: { mood: { x: 0.5 } }\n  - name: a\n    when: { topic: { y: 2 } }\n", "bad.yaml"));

        Assert.Contains("archetypes[0].when.mood", ex.Message, StringComparison.Ordinal);
        Assert.Contains("archetypes[1].name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("archetypes[1].when.topic.y", ex.Message, StringComparison.Ordinal);
    }
}
