using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;
using KonnectES.GraphQL.Validation.Rules;

namespace KonnectES.GraphQL.Validation;

/// <summary>Runs every validation rule over a document in one walk with type information (spec §5).</summary>
internal sealed partial class DocumentValidator
{
    private readonly ValidationContext _context;
    private readonly ValidationRule[] _rules;
    private readonly ValidationRule[] _enterField;
    private readonly ValidationRule[] _leaveField;
    private readonly ValidationRule[] _enterArguments;
    private readonly ValidationRule[] _enterSelectionSet;
    private readonly ValidationRule[] _enterValue;

    private DocumentValidator(ValidationContext context, ValidationRule[] rules)
    {
        _context = context;
        _rules = rules;

        // Per-node hooks only call the rules that override them: documents with thousands of fields stay cheap.
        _enterField = Overriding(rules, nameof(ValidationRule.EnterField));
        _leaveField = Overriding(rules, nameof(ValidationRule.LeaveField));
        _enterArguments = Overriding(rules, nameof(ValidationRule.EnterArguments));
        _enterSelectionSet = Overriding(rules, nameof(ValidationRule.EnterSelectionSet));
        _enterValue = Overriding(rules, nameof(ValidationRule.EnterValue));
    }

    private static ValidationRule[] Overriding(ValidationRule[] rules, string hook) =>
        Array.FindAll(rules, rule => rule.GetType().GetMethod(hook)!.DeclaringType != typeof(ValidationRule));

    public static ValidationRule[] SpecifiedRules() =>
    [
        new ExecutableDefinitions(), new UniqueOperationNames(), new LoneAnonymousOperation(), new SingleFieldSubscriptions(),
        new KnownTypeNames(), new FragmentsOnCompositeTypes(), new VariablesAreInputTypes(), new ScalarLeafs(),
        new FieldsOnCorrectType(), new UniqueFragmentNames(), new KnownFragmentNames(), new NoUnusedFragments(),
        new PossibleFragmentSpreads(), new NoFragmentCycles(), new UniqueVariableNames(), new NoUndefinedVariables(),
        new NoUnusedVariables(), new KnownDirectives(), new UniqueDirectivesPerLocation(), new KnownArgumentNames(),
        new UniqueArgumentNames(), new ValuesOfCorrectType(), new ProvidedRequiredArguments(), new VariablesInAllowedPosition(),
        new OverlappingFieldsCanBeMerged(), new UniqueInputFieldNames(), new MaxIntrospectionDepth(), new KnownOperationTypes(),
    ];

    public static List<GraphQLError> Validate(Schema schema, DocumentNode document, int maxErrors = 100, ValidationRule[]? rules = null)
    {
        var context = new ValidationContext(schema, document, maxErrors);
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                context.Fragments.TryAdd(fragment.Name!, fragment);
            }
        }

        var validator = new DocumentValidator(context, rules ?? SpecifiedRules());
        validator.Walk(document);
        return context.Errors;
    }

    private void Walk(DocumentNode document)
    {
        foreach (var rule in _rules)
        {
            rule.EnterDocument(_context, document);
        }

        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    WalkOperation(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    WalkFragment(fragment);
                    break;
                case TypeSystemNode typeSystem:
                    foreach (var rule in _rules)
                    {
                        rule.EnterTypeSystem(_context, typeSystem);
                    }

                    break;
            }
        }

        foreach (var rule in _rules)
        {
            rule.LeaveDocument(_context, document);
        }
    }

    private void WalkOperation(OperationDefinitionNode operation)
    {
        _context.Definition = operation;
        foreach (var rule in _rules)
        {
            rule.EnterOperation(_context, operation);
        }

        foreach (var variable in operation.VariableDefinitions)
        {
            foreach (var rule in _rules)
            {
                rule.EnterVariableDefinition(_context, variable);
            }

            var type = VariableCoercion.TypeOf(_context.Schema, variable.Type);
            if (variable.DefaultValue is not null)
            {
                WalkValue(variable.DefaultValue, type is not null && type.IsInputType ? type : null, false);
            }

            WalkDirectives(variable.Directives, "VARIABLE_DEFINITION");
        }

        WalkDirectives(operation.Directives, operation.Operation switch
        {
            OperationType.Query => "QUERY",
            OperationType.Mutation => "MUTATION",
            _ => "SUBSCRIPTION",
        });
        _context.ParentType = _context.Schema.RootType(operation.Operation);
        WalkSelectionSet(operation.SelectionSet);
        foreach (var rule in _rules)
        {
            rule.LeaveOperation(_context, operation);
        }
    }

    private void WalkFragment(FragmentDefinitionNode fragment)
    {
        _context.Definition = fragment;
        foreach (var rule in _rules)
        {
            rule.EnterFragment(_context, fragment);
        }

        WalkDirectives(fragment.Directives, "FRAGMENT_DEFINITION");
        var type = _context.Schema.FindType(fragment.TypeCondition.Name);
        _context.ParentType = type is ComplexType or UnionType ? type : null;
        WalkSelectionSet(fragment.SelectionSet);
    }

    private void WalkSelectionSet(SelectionSetNode selectionSet)
    {
        foreach (var rule in _enterSelectionSet)
        {
            rule.EnterSelectionSet(_context, selectionSet);
        }

        var parentType = _context.ParentType;
        foreach (var selection in selectionSet.Selections)
        {
            _context.ParentType = parentType;
            switch (selection)
            {
                case FieldNode field:
                    WalkField(field, parentType);
                    break;
                case InlineFragmentNode inline:
                    foreach (var rule in _rules)
                    {
                        rule.EnterInlineFragment(_context, inline);
                    }

                    WalkDirectives(inline.Directives, "INLINE_FRAGMENT");
                    if (inline.TypeCondition is not null)
                    {
                        var type = _context.Schema.FindType(inline.TypeCondition.Name);
                        _context.ParentType = type is ComplexType or UnionType ? type : null;
                    }

                    WalkSelectionSet(inline.SelectionSet);
                    break;
                case FragmentSpreadNode spread:
                    _context.AddSpread(spread);
                    foreach (var rule in _rules)
                    {
                        rule.EnterFragmentSpread(_context, spread);
                    }

                    WalkDirectives(spread.Directives, "FRAGMENT_SPREAD");
                    break;
            }
        }

        _context.ParentType = parentType;
    }
}
