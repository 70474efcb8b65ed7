using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Validation;

/// <summary>One rule of the spec's validation section (§5); the walker calls the hooks it overrides.</summary>
internal abstract class ValidationRule
{
    public virtual void EnterDocument(ValidationContext context, DocumentNode document)
    {
    }

    public virtual void LeaveDocument(ValidationContext context, DocumentNode document)
    {
    }

    public virtual void EnterOperation(ValidationContext context, OperationDefinitionNode operation)
    {
    }

    public virtual void LeaveOperation(ValidationContext context, OperationDefinitionNode operation)
    {
    }

    public virtual void EnterFragment(ValidationContext context, FragmentDefinitionNode fragment)
    {
    }

    public virtual void EnterTypeSystem(ValidationContext context, TypeSystemNode definition)
    {
    }

    public virtual void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode definition)
    {
    }

    public virtual void EnterSelectionSet(ValidationContext context, SelectionSetNode selectionSet)
    {
    }

    public virtual void EnterField(ValidationContext context, FieldNode field)
    {
    }

    public virtual void LeaveField(ValidationContext context, FieldNode field)
    {
    }

    public virtual void EnterInlineFragment(ValidationContext context, InlineFragmentNode fragment)
    {
    }

    public virtual void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode spread)
    {
    }

    /// <summary>Directives anywhere: the location is a __DirectiveLocation name.</summary>
    public virtual void EnterDirectives(ValidationContext context, IReadOnlyList<DirectiveNode> directives, string location)
    {
    }

    public virtual void EnterDirective(ValidationContext context, DirectiveNode directive)
    {
    }

    /// <summary>The arguments of a field (context.FieldDefinition) or directive (context.Directive).</summary>
    public virtual void EnterArguments(ValidationContext context, IReadOnlyList<ArgumentNode> arguments, SyntaxNode owner)
    {
    }

    /// <summary>A value with its expected input type in context.InputType (null when unknown).</summary>
    public virtual void EnterValue(ValidationContext context, ValueNode value)
    {
    }
}
