namespace Persona.Cli.Commands.Interview;

/// <summary>Reads plain lines (stdin not a terminal): one answer per line; prompts go to the output.</summary>
internal sealed class LineOperatorInput(TextReader input, TextWriter output) : IOperatorInput
{
    public async Task<string?> ReadAnswerAsync(CancellationToken cancellationToken)
    {
        await output.WriteAsync("> ").ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool?> ConfirmAsync(string question, bool defaultValue, CancellationToken cancellationToken)
    {
        while (true)
        {
            await output.WriteAsync($"{question} [{(defaultValue ? "Y/n" : "y/N")}] ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            switch (line?.Trim().ToLowerInvariant())
            {
                case null: return null;
                case "": return defaultValue;
                case "y" or "yes": return true;
                case "n" or "no": return false;
            }
        }
    }

    public async Task<string?> ChooseAsync(string question, IReadOnlyList<string> choices, CancellationToken cancellationToken)
    {
        while (true)
        {
            await output.WriteAsync($"{question} ({string.Join(" / ", choices)}) ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
                return null;
            var choice = line.Trim().ToLowerInvariant();
            if (choice.Length == 0)
                return choices[0];
            if (choices.Contains(choice))
                return choice;
        }
    }
}
