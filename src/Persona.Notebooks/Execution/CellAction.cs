namespace Persona.Notebooks.Execution;

/// <summary>What the runner does with a code cell after reading its directives.</summary>
internal enum CellAction
{
    /// <summary>Submit the C# text to the script state.</summary>
    RunCSharp,

    /// <summary>Show the cell text as <c>text/html</c> (an <c>#!html</c> cell).</summary>
    ShowHtml,

    /// <summary>Nothing to run (a markdown-kernel cell, an empty cell).</summary>
    Skip,

    /// <summary>The cell uses something the headless runner does not support; <see cref="PreparedCell.Error"/> says what.</summary>
    Unsupported,
}
