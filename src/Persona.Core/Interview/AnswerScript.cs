namespace Persona.Core.Interview;

/// <summary>Pre-written answers read from a JSON, YAML or Markdown Q&amp;A file, with the problems found in it.</summary>
/// <param name="Source">The file.</param>
/// <param name="Answers">In file order.</param>
/// <param name="Diagnostics">Each problem as <c>location: message</c>; entries with problems are left out.</param>
public sealed record AnswerScript(string Source, IReadOnlyList<ScriptedAnswer> Answers, IReadOnlyList<string> Diagnostics);
