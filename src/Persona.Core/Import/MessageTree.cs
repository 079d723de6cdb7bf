namespace Persona.Core.Import;

/// <summary>
/// The message tree of one conversation, built from parent links only (never from key or array
/// order). Finds the visible thread by walking up from the current leaf with a visited set, and
/// walks every branch depth-first when abandoned branches are kept.
/// </summary>
internal sealed class MessageTree
{
    private readonly string[] _keys;
    private readonly int[] _parent;
    private readonly List<int>[] _children;
    private readonly DateTimeOffset?[] _times;
    private readonly Dictionary<string, int> _index;

    private MessageTree(string[] keys, int[] parent, List<int>[] children, DateTimeOffset?[] times, Dictionary<string, int> index)
    {
        _keys = keys;
        _parent = parent;
        _children = children;
        _times = times;
        _index = index;
    }

    public int Count => _keys.Length;

    public string Key(int node) => _keys[node];

    /// <summary>Builds the tree. Unknown parents make a node a root; <paramref name="childOrder"/> (the export's own
    /// children lists) orders siblings where given, otherwise siblings keep document order.</summary>
    public static MessageTree Build(IReadOnlyList<MessageTreeNode> nodes, Func<string, IReadOnlyList<string>?>? childOrder = null)
    {
        var index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
            index[nodes[i].Key] = i;

        var parent = new int[nodes.Count];
        var children = new List<int>[nodes.Count];
        var times = new DateTimeOffset?[nodes.Count];
        var keys = new string[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            children[i] = [];
            keys[i] = nodes[i].Key;
            times[i] = nodes[i].Time;
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            var p = nodes[i].Parent is { } parentKey && index.TryGetValue(parentKey, out var pi) && pi != i ? pi : -1;
            parent[i] = p;
            if (p >= 0)
                children[p].Add(i);
        }

        if (childOrder is not null)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                if (children[i].Count < 2 || childOrder(keys[i]) is not { Count: > 0 } order)
                    continue;
                var rank = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var r = 0; r < order.Count; r++)
                    rank.TryAdd(order[r], r);
                children[i] = children[i].OrderBy(c => rank.GetValueOrDefault(keys[c], int.MaxValue)).ThenBy(c => c).ToList();
            }
        }

        return new MessageTree(keys, parent, children, times, index);
    }

    /// <summary>
    /// The visible thread, root first: from <paramref name="leafKey"/> when it names a node, else from the
    /// latest leaf (by time, then document order). <paramref name="problem"/> says what was wrong, if anything.
    /// </summary>
    public List<int> ActivePath(string? leafKey, out string? problem)
    {
        problem = null;
        var path = new List<int>();
        if (Count == 0)
            return path;

        int leaf;
        if (leafKey is not null && _index.TryGetValue(leafKey, out var found))
        {
            leaf = found;
        }
        else
        {
            leaf = LatestLeaf();
            problem = leafKey is null
                ? $"no current node; using the latest leaf '{_keys[leaf]}'"
                : $"current node '{leafKey}' is not in the conversation; using the latest leaf '{_keys[leaf]}'";
        }

        var seen = new HashSet<int>();
        for (var node = leaf; node >= 0; node = _parent[node])
        {
            if (!seen.Add(node))
            {
                problem = $"parent links form a cycle at '{_keys[node]}'; the thread stops there";
                break;
            }

            path.Add(node);
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// Every node reachable from a root, depth-first in sibling order, each with the node it follows
    /// (-1 for a root). Nodes caught in parent cycles are unreachable and counted in <paramref name="unreachable"/>.
    /// </summary>
    public List<(int Node, int Parent)> WalkAll(out int unreachable)
    {
        var order = new List<(int, int)>(Count);
        var stack = new Stack<int>();
        for (var root = Count - 1; root >= 0; root--)
        {
            if (_parent[root] < 0)
                stack.Push(root);
        }

        var visited = new bool[Count];
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (visited[node])
                continue;
            visited[node] = true;
            order.Add((node, _parent[node]));
            for (var c = _children[node].Count - 1; c >= 0; c--)
                stack.Push(_children[node][c]);
        }

        unreachable = Count - order.Count;
        return order;
    }

    private int LatestLeaf()
    {
        var best = -1;
        for (var i = 0; i < Count; i++)
        {
            if (_children[i].Count > 0)
                continue;
            if (best < 0 || Compare(_times[i], _times[best]) >= 0)
                best = i;
        }

        // Every node has a child only when parent links form a cycle; fall back to the last node.
        return best >= 0 ? best : Count - 1;
    }

    private static int Compare(DateTimeOffset? a, DateTimeOffset? b) =>
        (a, b) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => a.Value.CompareTo(b.Value),
        };
}
