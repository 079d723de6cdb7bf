using System.Text.Json.Nodes;
using Persona.Notebooks.Format;

namespace Persona.Notebooks.Tests.Format;

public sealed class MultilineTextTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a\n" })]
    [InlineData("a\nb", new[] { "a\n", "b" })]
    [InlineData("a\n\nb\n", new[] { "a\n", "\n", "b\n" })]
    public void Split_KeepsNewlinesLikeVsCode(string text, string[] expected)
    {
        var lines = MultilineText.Split(text).Select(n => (string)n!).ToArray();

        Assert.Equal(expected, lines);
        Assert.Equal(text, MultilineText.Join(MultilineText.Split(text)));
    }

    [Fact]
    public void Join_AcceptsPlainStringAndIgnoresNonStrings()
    {
        Assert.Equal("x\ny", MultilineText.Join(JsonValue.Create("x\ny")));
        Assert.Equal("ab", MultilineText.Join(new JsonArray("a", 1, "b")));
        Assert.Equal(string.Empty, MultilineText.Join(null));
    }
}
