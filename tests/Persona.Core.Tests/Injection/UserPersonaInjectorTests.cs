using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Persona.Core.Injection;

namespace Persona.Core.Tests.Injection;

public sealed class UserPersonaInjectorTests
{
    private static readonly UserPersonaInjectionOptions Options = new() { Allowlist = ["name", "values", "goals", "traits", "biography"] };

    private static JsonObject Persona() => new()
    {
        ["name"] = "Ada",
        ["values"] = new JsonArray("honesty", "craft", "curiosity"),
        ["goals"] = new JsonObject { ["shortTerm"] = "ship v1", ["longTerm"] = new JsonArray("teach", "write") },
        ["secret"] = "never in prompts",
    };

    [Fact]
    public void Render_AllKeys_RendersAllowlistInOrderWithMissingMarked()
    {
        var injector = new UserPersonaInjector(Options);

        var text = injector.Render("Context: {{USER_PERSONA}}", Persona());

        Assert.Equal("Context: These are some details about the user. `name` is \"Ada\", `values` is \"honesty, craft and curiosity\", "
            + "`goals` is \"shortTerm: ship v1; longTerm: teach and write\", `traits` is [Not available], `biography` is [Not available].", text);
        Assert.DoesNotContain("never in prompts", text);
    }

    [Fact]
    public void Render_SelectedKeys_DropsUnknownKeysAndLogsThem()
    {
        var logger = new ListLogger();
        var injector = new UserPersonaInjector(Options, logger);

        var text = injector.Render("{{USER_PERSONA__name__secret__values}}", Persona());

        Assert.Equal("These are some details about the user. `name` is \"Ada\", `values` is \"honesty, craft and curiosity\".", text);
        Assert.Contains(logger.Messages, m => m.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_OnlyUnknownKeys_GivesFallback()
    {
        var text = new UserPersonaInjector(Options).Render("[{{USER_PERSONA__secret}}]", Persona());

        Assert.Equal("[User persona not available.]", text);
    }

    [Fact]
    public void Render_NoPersona_GivesNotAvailableForEveryForm()
    {
        var text = new UserPersonaInjector(Options).Render("{{USER_PERSONA}}|{{USER_PERSONA__name}}|{{USER_PERSONA_JSON}}", null);

        Assert.Equal("User persona not available.|User persona not available.|User persona not available.", text);
    }

    [Fact]
    public void Render_Json_RendersAllowlistedRawJson()
    {
        var text = new UserPersonaInjector(Options).Render("{{USER_PERSONA_JSON}}", Persona());

        Assert.Equal("{\"name\":\"Ada\",\"values\":[\"honesty\",\"craft\",\"curiosity\"],\"goals\":{\"shortTerm\":\"ship v1\",\"longTerm\":[\"teach\",\"write\"]}}", text);
    }

    [Fact]
    public void Render_QuotesInValues_AreEscaped()
    {
        var text = new UserPersonaInjector(Options).Render("{{USER_PERSONA__name}}", new JsonObject { ["name"] = "Ada \"the\" Engineer" });

        Assert.Equal("These are some details about the user. `name` is \"Ada \\\"the\\\" Engineer\".", text);
    }

    [Fact]
    public void Render_PersonaContainingPlaceholders_IsNeverReExpanded()
    {
        var persona = new JsonObject { ["name"] = "{{USER_PERSONA_JSON}} {{USER_PERSONA__values}}", ["values"] = "secret-ish" };

        var text = new UserPersonaInjector(Options).Render("{{USER_PERSONA__name}}", persona);

        Assert.Equal("These are some details about the user. `name` is \"{{USER_PERSONA_JSON}} {{USER_PERSONA__values}}\".", text);
    }

    [Fact]
    public void Render_NoPlaceholders_ReturnsSameInstance()
    {
        var template = string.Concat("Plain ", "template {{other}}");

        Assert.Same(template, new UserPersonaInjector(Options).Render(template, Persona()));
    }

    [Fact]
    public void Render_UnknownPlaceholderVariant_IsLeftAsWritten()
    {
        Assert.Equal("{{USER_PERSONAX}}", new UserPersonaInjector(Options).Render("{{USER_PERSONAX}}", Persona()));
    }

    [Fact]
    public void Render_MaxLength_TruncatesOnWordBoundaryWithEllipsis()
    {
        var injector = new UserPersonaInjector(Options with { MaxLength = 60 });

        var text = injector.Render("{{USER_PERSONA}}", Persona());

        Assert.True(text.Length <= 60, text);
        Assert.EndsWith("…", text);
        Assert.Equal("These are some details about the user. `name` is \"Ada\"…", text);
    }

    [Fact]
    public void Render_EmptyValues_AreNotAvailable()
    {
        var persona = new JsonObject { ["name"] = "  ", ["values"] = new JsonArray() };

        var text = new UserPersonaInjector(Options).Render("{{USER_PERSONA__name__values}}", persona);

        Assert.Equal("These are some details about the user. `name` is [Not available], `values` is [Not available].", text);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsOneAggregatedMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => new UserPersonaInjector(new UserPersonaInjectionOptions { Allowlist = ["a__b"], MaxLength = 3 }));

        Assert.Contains("Allowlist", ex.Message);
        Assert.Contains("MaxLength", ex.Message);
    }

    private sealed class ListLogger : ILogger<UserPersonaInjector>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
