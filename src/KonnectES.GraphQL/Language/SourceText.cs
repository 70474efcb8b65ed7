namespace KonnectES.GraphQL.Language;

/// <summary>The text of a document, able to turn offsets into line and column.</summary>
internal sealed class SourceText(string body)
{
    private int[]? _lineStarts;

    public string Body { get; } = body;

    public SourceLocation GetLocation(int position)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Body);
        var index = Array.BinarySearch(starts, position);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new SourceLocation(index + 1, position - starts[index] + 1);
    }

    private static int[] ComputeLineStarts(string body)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\r')
            {
                if (i + 1 < body.Length && body[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
