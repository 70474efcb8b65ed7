using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Validation;

internal sealed partial class DocumentValidator
{
    private void WalkField(FieldNode field, NamedType? parentType)
    {
        var definition = parentType is null ? null : _context.Schema.FindField(parentType, field.Name);
        _context.FieldDefinition = definition;
        _context.Type = definition?.Type;
        foreach (var rule in _enterField)
        {
            rule.EnterField(_context, field);
        }

        _context.Directive = null;
        WalkArguments(field.Arguments, field, definition?.ArgumentList);
        WalkDirectives(field.Directives, "FIELD");
        if (field.SelectionSet is not null)
        {
            var named = definition?.Type.Named;
            _context.ParentType = named is ComplexType or UnionType ? named : null;
            WalkSelectionSet(field.SelectionSet);
        }

        _context.FieldDefinition = definition;
        _context.Type = definition?.Type;
        foreach (var rule in _leaveField)
        {
            rule.LeaveField(_context, field);
        }
    }

    private void WalkArguments(IReadOnlyList<ArgumentNode> arguments, SyntaxNode owner, IReadOnlyList<InputValueDefinition>? definitions)
    {
        if (arguments.Count == 0)
        {
            return;
        }

        var fieldDefinition = _context.FieldDefinition;
        var directive = _context.Directive;
        foreach (var rule in _enterArguments)
        {
            rule.EnterArguments(_context, arguments, owner);
        }

        foreach (var argument in arguments)
        {
            InputValueDefinition? definition = null;
            if (definitions is not null)
            {
                foreach (var candidate in definitions)
                {
                    if (candidate.Name == argument.Name)
                    {
                        definition = candidate;
                        break;
                    }
                }
            }

            _context.FieldDefinition = fieldDefinition;
            _context.Directive = directive;
            WalkValue(argument.Value, definition?.Type, definition?.HasDefault ?? false);
        }
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives, string location)
    {
        if (directives.Count == 0)
        {
            return;
        }

        foreach (var rule in _rules)
        {
            rule.EnterDirectives(_context, directives, location);
        }

        var fieldDefinition = _context.FieldDefinition;
        foreach (var directive in directives)
        {
            var definition = _context.Schema.Directives.GetValueOrDefault(directive.Name);
            _context.Directive = definition;
            foreach (var rule in _rules)
            {
                rule.EnterDirective(_context, directive);
            }

            WalkArguments(directive.Arguments, directive, definition?.Arguments);
        }

        _context.Directive = null;
        _context.FieldDefinition = fieldDefinition;
    }

    private void WalkValue(ValueNode value, GraphType? type, bool hasDefault)
    {
        _context.InputType = type;
        if (value is VariableNode variable)
        {
            _context.AddUsage(new VariableUsage(variable, type, hasDefault));
        }

        foreach (var rule in _enterValue)
        {
            _context.InputType = type;
            rule.EnterValue(_context, value);
        }

        switch (value)
        {
            case ListValueNode list:
                var itemType = type?.Nullable is ListType listType ? listType.OfType : null;
                foreach (var item in list.Values)
                {
                    WalkValue(item, itemType, false);
                }

                break;
            case ObjectValueNode obj:
                var input = type?.Nullable as InputObjectType;
                foreach (var field in obj.Fields)
                {
                    var fieldDefinition = input?.Fields.GetValueOrDefault(field.Name);
                    WalkValue(field.Value, fieldDefinition?.Type, fieldDefinition?.HasDefault ?? false);
                }

                break;
        }
    }
}
