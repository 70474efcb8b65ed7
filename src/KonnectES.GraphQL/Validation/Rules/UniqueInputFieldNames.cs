using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Input Object Field Uniqueness (§5.6.3).</summary>
internal sealed class UniqueInputFieldNames : ValidationRule
{
    public override void EnterValue(ValidationContext context, ValueNode value)
    {
        if (value is not ObjectValueNode obj)
        {
            return;
        }

        var seen = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in obj.Fields)
        {
            if (seen.TryGetValue(field.Name, out var first))
            {
                context.Report(Messages.DuplicateInputField(field.Name), first, field);
            }
            else
            {
                seen[field.Name] = field;
            }
        }
    }
}
