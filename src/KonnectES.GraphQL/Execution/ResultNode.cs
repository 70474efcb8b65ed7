namespace KonnectES.GraphQL.Execution;

/// <summary>A map or list of the response under construction; knows its place in its parent for null propagation.</summary>
internal abstract class ResultNode(ResultNode? parent, int indexInParent, bool nonNullInParent)
{
    public ResultNode? Parent { get; } = parent;

    public int IndexInParent { get; } = indexInParent;

    /// <summary>Whether the position this node fills is non-null, so a null here must bubble further up.</summary>
    public bool NonNullInParent { get; } = nonNullInParent;

    /// <summary>Set once a null replaced this node; later writes into it are harmless and unseen.</summary>
    public bool Invalidated { get; set; }

    public abstract void Set(int index, object? value);

    /// <summary>The path segment of a slot: a response name or a list index.</summary>
    public abstract object PathKey(int index);
}
