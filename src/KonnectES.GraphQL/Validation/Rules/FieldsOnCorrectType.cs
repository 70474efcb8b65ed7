using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation.Rules;

/// <summary>Field Selections (§5.3.1): the field exists on the parent type.</summary>
internal sealed class FieldsOnCorrectType : ValidationRule
{
    public override void EnterField(ValidationContext context, FieldNode field)
    {
        if (context.ParentType is { } parent && context.FieldDefinition is null)
        {
            context.Report(Messages.UnknownField(field.Name, parent.Name), field);
        }
    }
}
