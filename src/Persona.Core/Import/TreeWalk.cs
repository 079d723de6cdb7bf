namespace Persona.Core.Import;

/// <summary>
/// Runs a per-node step over a conversation tree: along the visible thread only, or over every
/// branch depth-first, giving each node the cursor of the node it follows.
/// </summary>
internal static class TreeWalk
{
    /// <param name="tree">The conversation tree.</param>
    /// <param name="activePath">The visible thread, root first.</param>
    /// <param name="branches">Which branches to walk.</param>
    /// <param name="start">The cursor at the start of a thread.</param>
    /// <param name="step">Processes a node given its cursor and whether it is on the visible thread; returns the cursor after it.</param>
    /// <param name="offBranch">Called for each node off the visible thread that is not walked.</param>
    /// <returns>Nodes that could not be reached from any root (parent cycles).</returns>
    public static int Run(
        MessageTree tree,
        List<int> activePath,
        BranchSelection branches,
        ThreadCursor start,
        Func<int, ThreadCursor, bool, ThreadCursor> step,
        Action<int> offBranch)
    {
        var onPath = new bool[tree.Count];
        foreach (var node in activePath)
            onPath[node] = true;

        if (branches == BranchSelection.Active)
        {
            var cursor = start;
            foreach (var node in activePath)
                cursor = step(node, cursor, true);
            for (var node = 0; node < tree.Count; node++)
            {
                if (!onPath[node])
                    offBranch(node);
            }

            return 0;
        }

        var after = new ThreadCursor[tree.Count];
        var order = tree.WalkAll(out var unreachable);
        foreach (var (node, parent) in order)
            after[node] = step(node, parent >= 0 ? after[parent] : start, onPath[node]);
        return unreachable;
    }
}
