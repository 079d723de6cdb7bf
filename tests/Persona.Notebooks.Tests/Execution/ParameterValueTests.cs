using Persona.Notebooks.Execution;

namespace Persona.Notebooks.Tests.Execution;

public sealed class ParameterValueTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("3000000000", "3000000000L")]
    [InlineData("0.5", "0.5")]
    [InlineData("1e3", "1000.0")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("hello", "\"hello\"")]
    [InlineData("\"42\"", "\"42\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("", "\"\"")]
    public void Parse_TypesFromTheLiteral(string literal, string csharp)
    {
        var value = ParameterValue.Parse("x=" + literal);

        Assert.Equal("x", value.Name);
        Assert.Equal(csharp, value.CSharp);
    }

    [Fact]
    public void Parse_ValueContainingEquals_KeepsRest()
    {
        Assert.Equal("\"a=b\"", ParameterValue.Parse("x=a=b").CSharp);
    }

    [Theory]
    [InlineData("noequals")]
    [InlineData("=1")]
    [InlineData("1x=1")]
    [InlineData("a-b=1")]
    public void Parse_BadAssignment_Throws(string assignment)
    {
        Assert.Throws<ArgumentException>(() => ParameterValue.Parse(assignment));
    }

    [Fact]
    public void FromStrings_WritesStringArray()
    {
        Assert.Equal("new string[] { \"a\", \"b\\\\c\" }", ParameterValue.FromStrings("p", ["a", "b\\c"]).CSharp);
    }
}
