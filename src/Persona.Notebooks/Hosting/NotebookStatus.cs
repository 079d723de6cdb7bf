namespace Persona.Notebooks.Hosting;

/// <summary>How a notebook's run ended.</summary>
public enum NotebookStatus
{
    Passed,

    /// <summary>A cell raised an error that was not allowed.</summary>
    Failed,

    /// <summary>A cell or the whole notebook ran past its time limit and the child was killed.</summary>
    TimedOut,

    /// <summary>The file is not a runnable notebook, a referenced file is missing, or the child crashed.</summary>
    Invalid,
}
