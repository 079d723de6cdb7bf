namespace Persona.Core.Import;

/// <summary>Which branches of a conversation tree the importer keeps.</summary>
public enum BranchSelection
{
    /// <summary>Only the thread the person last saw (ChatGPT <c>current_node</c>, Claude current leaf).</summary>
    Active,

    /// <summary>Every branch; messages off the visible thread are kept with <c>OnActiveBranch = false</c>.</summary>
    All,
}
