using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Leaf Field Selections (§5.3.3).</summary>
internal sealed class ScalarLeafs : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode field)
    {
        if (context.Type is not { } type)
        {
            return;
        }

        if (type.IsLeaf)
        {
            if (field.SelectionSet is not null)
            {
                context.Report(Messages.LeafWithSelection(field.Name, type.ToString()), field.SelectionSet);
            }
        }
        else if (field.SelectionSet is null)
        {
            context.Report(Messages.CompositeWithoutSelection(field.Name, type.ToString()), field);
        }
    }
}
