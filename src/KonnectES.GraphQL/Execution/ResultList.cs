using System.Collections;

namespace KonnectES.GraphQL.Execution;

/// <summary>A list of the response under construction.</summary>
internal sealed class ResultList(int count, ResultNode? parent, int indexInParent, bool nonNullInParent)
    : ResultNode(parent, indexInParent, nonNullInParent), IReadOnlyList<object?>
{
    private readonly object?[] _items = new object?[count];

    public int Count => _items.Length;

    public object? this[int index] => _items[index];

    public override void Set(int index, object? value) => _items[index] = value;

    public override object PathKey(int index) => index;

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
