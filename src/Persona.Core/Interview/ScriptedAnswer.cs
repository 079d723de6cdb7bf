namespace Persona.Core.Interview;

/// <summary>One pre-written answer of a batch file.</summary>
/// <param name="Text">The answer (empty when <paramref name="Skip"/>).</param>
/// <param name="Skip">True to skip the question it meets.</param>
/// <param name="Category">When set, the answer is used only for a question of this category.</param>
/// <param name="Location">Where it is in the file (<c>file:line</c> or <c>file: answers[i]</c>).</param>
public sealed record ScriptedAnswer(string Text, bool Skip, string? Category, string Location);
