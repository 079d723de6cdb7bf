using System.Globalization;
using System.Text;
using Persona.Core.Display;

namespace Persona.Core.Llm;

/// <summary>Every role's provider, model and reachability; a notebook cell displays it as a table.</summary>
[TypeFormatterSource(typeof(HtmlDisplayFormatterSource), PreferredMimeTypes = [DisplayMimeTypes.Html, DisplayMimeTypes.PlainText])]
public sealed record LlmStatusReport(IReadOnlyList<LlmRoleStatus> Roles, string? Source) : IHtmlDisplayable
{
    public string ToHtml() => HtmlTable.Create(
        Roles,
        [
            ("Role", role => role.Role.Value),
            ("Provider", role => Configuration.LlmRoleSettingsParser.Name(role.Provider)),
            ("Model", role => role.Model ?? "-"),
            ("Strategy", role => role.Strategy),
            ("Detail", role => role.Detail),
        ],
        caption: Source is null ? "LLM roles" : "LLM roles (" + Source + ")").ToHtml();

    public string ToPlainText() => ToString();

    /// <summary>Roles configured for a model whose server or model did not answer.</summary>
    public IEnumerable<LlmRoleStatus> Unavailable => Roles.Where(role => role.Reachable == false);

    /// <summary>A fixed-width table, one line per role.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"role",-16} {"provider",-18} {"model",-24} {"strategy",-8} detail");
        foreach (var role in Roles)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{role.Role.Value,-16} {Configuration.LlmRoleSettingsParser.Name(role.Provider),-18} {role.Model ?? "-",-24} {role.Strategy,-8} {role.Detail}");
        }

        if (Source is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"configuration: {Source}");
        return text.ToString();
    }
}
