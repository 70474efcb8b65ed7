using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace KonnectES.GraphQL.Execution;

/// <summary>An ordered response map: keys in field collection order, as the spec requires.</summary>
internal sealed class ResultMap : ResultNode, IReadOnlyDictionary<string, object?>
{
    private readonly CollectedField[] _fields;
    private readonly object?[] _values;

    public ResultMap(CollectedField[] fields, ResultNode? parent, int indexInParent, bool nonNullInParent)
        : base(parent, indexInParent, nonNullInParent)
    {
        _fields = fields;
        _values = new object?[fields.Length];
    }

    public int Count => _fields.Length;

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var collected in _fields)
            {
                yield return collected.ResponseName;
            }
        }
    }

    public IEnumerable<object?> Values => _values;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public string KeyAt(int index) => _fields[index].ResponseName;

    public object? ValueAt(int index) => _values[index];

    public System.Text.Json.JsonEncodedText EncodedKeyAt(int index) => _fields[index].EncodedName;

    public override void Set(int index, object? value) => _values[index] = value;

    public override object PathKey(int index) => _fields[index].ResponseName;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_fields[i].ResponseName, _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_fields[i].ResponseName == key)
            {
                return i;
            }
        }

        return -1;
    }
}
