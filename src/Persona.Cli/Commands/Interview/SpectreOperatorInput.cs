using Spectre.Console;

namespace Persona.Cli.Commands.Interview;

/// <summary>Spectre.Console prompts on an interactive terminal.</summary>
internal sealed class SpectreOperatorInput(IAnsiConsole console) : IOperatorInput
{
    public async Task<string?> ReadAnswerAsync(CancellationToken cancellationToken) =>
        await new TextPrompt<string>("[green]>[/]").AllowEmpty().ShowAsync(console, cancellationToken).ConfigureAwait(false);

    public async Task<bool?> ConfirmAsync(string question, bool defaultValue, CancellationToken cancellationToken) =>
        await new ConfirmationPrompt(Markup.Escape(question)) { DefaultValue = defaultValue }.ShowAsync(console, cancellationToken).ConfigureAwait(false);

    public async Task<string?> ChooseAsync(string question, IReadOnlyList<string> choices, CancellationToken cancellationToken) =>
        await new SelectionPrompt<string>().Title(Markup.Escape(question)).AddChoices(choices).ShowAsync(console, cancellationToken).ConfigureAwait(false);
}
