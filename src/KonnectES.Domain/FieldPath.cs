using System.Text;

namespace KonnectES.Domain;

internal static class FieldPath
{
    public static string Render(IReadOnlyList<string> field)
    {
        var sb = new StringBuilder();
        foreach (var segment in field)
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                sb.Append('[').Append(segment).Append(']');
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append(segment);
            }
        }

        return sb.ToString();
    }
}
