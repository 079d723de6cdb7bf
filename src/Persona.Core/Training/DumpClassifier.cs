using System.Globalization;
using System.Text.RegularExpressions;

namespace Persona.Core.Training;

/// <summary>
/// Recognises messages that are mostly pasted material rather than the person's words: source code,
/// log output or stack traces. Each non-blank line is classified; lines inside ``` fences count as code.
/// A message of at least <see cref="MinLines"/> non-blank lines whose pasted share reaches the threshold is a dump,
/// of the kind with the most lines (ties: stack trace, then log, then code).
/// </summary>
internal static partial class DumpClassifier
{
    public const int MinLines = 3;

    public static FilterKind? Classify(string text, double threshold, out string detail)
    {
        int code = 0, log = 0, stack = 0, total = 0;
        var inFence = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
                continue;
            total++;
            if (StackLine().IsMatch(line))
                stack++;
            else if (LogLine().IsMatch(line))
                log++;
            else if (inFence || CodeLine().IsMatch(line))
                code++;
        }

        detail = "";
        if (total < MinLines)
            return null;
        var share = (double)(code + log + stack) / total;
        if (share < threshold)
            return null;
        detail = string.Create(CultureInfo.InvariantCulture, $"{code + log + stack} of {total} lines pasted (code {code}, log {log}, stack {stack})");
        if (stack >= log && stack >= code)
            return FilterKind.StackTrace;
        return log >= code ? FilterKind.LogDump : FilterKind.CodeDump;
    }

    // Java/.NET/JS "at x.y(…)", Python "File "…", line N", traceback headers, "Caused by:", a bare "NameError: …" line.
    [GeneratedRegex(@"^\s+at\s+[\w$.<>`\[\]]+[\s.(:]|^\s*File "".+"", line \d+|^Traceback \(most recent call last\)|^\s*Caused by: |^[\w.]*(Error|Exception)(: .*)?$|^\s*at .+:\d+:\d+\)?\s*$|^\s*--- End of (inner )?(exception )?stack trace", RegexOptions.CultureInvariant)]
    private static partial Regex StackLine();

    // Timestamps at line start, or a bracketed/colon-terminated level word.
    [GeneratedRegex(@"^\s*\[?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|^\s*\[?\d{2}:\d{2}:\d{2}[.,\]]|^\s*\S{0,40}\s*\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|CRITICAL)\]?[:\s]", RegexOptions.CultureInvariant)]
    private static partial Regex LogLine();

    [GeneratedRegex(@"[;{}]\s*$|^\s*[}\])]+[;,)]*\s*$|^\s*(import|from\s+\S+\s+import|def|class|public|private|protected|internal|static|const|let|var|function|return|using|package|namespace|#include|#define|fn|func|SELECT|INSERT|UPDATE|DELETE|CREATE)\b|^\s*(//|/\*|\*/|#!)|^\s*(if|for|while|switch|catch)\s*\(.*\)\s*[{:]?\s*$|^\s*<\/?[a-zA-Z][\w-]*(\s[^>]*)?>\s*$|^\s*[\w.\[\]]+\s*(=|\+=|:=|=>)\s*[^=].*[();\]]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeLine();
}
