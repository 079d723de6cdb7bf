using Persona.Tests;

namespace Persona.Core.Tests.Plotting;

/// <summary>
/// Golden-file check: <c>Name.approved.txt</c> beside the test file is the expected text; on a mismatch
/// the actual text goes to <c>Name.received.txt</c> (git-ignored) so the two can be diffed and, when the
/// change is intended, the received file renamed over the approved one.
/// </summary>
internal static class ApprovedText
{
    public static void Verify(string actual, string name, string folder)
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "tests", "Persona.Core.Tests", folder);
        var approvedPath = Path.Combine(directory, name + ".approved.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        actual = actual.ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var firstDifference = approved is null ? -1 : FirstDifference(approved, actual);
        Assert.Fail(approved is null
            ? $"no approved file {approvedPath}; the output was written to {receivedPath}"
            : $"output differs from {approvedPath} at character {firstDifference}; the output was written to {receivedPath}");
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
                return i;
        }

        return n;
    }
}
