namespace Persona.Cli.Commands.Interview;

/// <summary>How the interview reads the operator: Spectre.Console prompts on a terminal, plain lines otherwise.</summary>
internal interface IOperatorInput
{
    /// <summary>One answer; null at end of input.</summary>
    Task<string?> ReadAnswerAsync(CancellationToken cancellationToken);

    /// <summary>Yes or no (default on an empty line); null at end of input.</summary>
    Task<bool?> ConfirmAsync(string question, bool defaultValue, CancellationToken cancellationToken);

    /// <summary>One of <paramref name="choices"/> (the first on an empty line); null at end of input.</summary>
    Task<string?> ChooseAsync(string question, IReadOnlyList<string> choices, CancellationToken cancellationToken);
}
