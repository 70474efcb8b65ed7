using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Language;

internal sealed partial class Parser
{
    // OperationDefinition : SelectionSet | OperationType Name? VariableDefinitions? Directives? SelectionSet
    private OperationDefinitionNode ParseOperationDefinition() => ParseOperationDefinition(_lexer.Start);

    private OperationDefinitionNode ParseOperationDefinition(int start)
    {
        if (Peek(TokenKind.BraceLeft))
        {
            return new OperationDefinitionNode(start, OperationType.Query, null, [], [], ParseSelectionSet());
        }

        var operation = ParseOperationType();
        string? name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        return new OperationDefinitionNode(start, operation, name, variables, directives, ParseSelectionSet());
    }

    private OperationType ParseOperationType()
    {
        var start = _lexer.Start;
        var name = ParseName();
        return name switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw _lexer.Error(start, Messages.Unexpected("Name \"" + name + "\"")),
        };
    }

    // VariableDefinitions : ( VariableDefinition+ )
    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!Peek(TokenKind.ParenLeft))
        {
            return [];
        }

        _lexer.Advance();
        var list = new List<VariableDefinitionNode>();
        do
        {
            list.Add(ParseVariableDefinition());
        }
        while (!Skip(TokenKind.ParenRight));

        return list;
    }

    // VariableDefinition : Variable : Type DefaultValue? Directives[Const]?
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Start;
        ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = Skip(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode(start, variable, type, defaultValue, directives);
    }

    private VariableNode ParseVariable()
    {
        var start = Expect(TokenKind.Dollar);
        return new VariableNode(start, ParseName());
    }

    // SelectionSet : { Selection+ }
    private SelectionSetNode ParseSelectionSet()
    {
        var start = _lexer.Start;
        Expect(TokenKind.BraceLeft);
        Enter();
        var selections = new List<SelectionNode>();
        do
        {
            selections.Add(ParseSelection());
        }
        while (!Skip(TokenKind.BraceRight));

        Leave();
        return new SelectionSetNode(start, selections);
    }

    // Selection : Field | FragmentSpread | InlineFragment
    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    // Field : Alias? Name Arguments? Directives? SelectionSet?
    private FieldNode ParseField()
    {
        var start = _lexer.Start;
        var nameOrAlias = ParseName();
        string? alias = null;
        string name;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceLeft) ? ParseSelectionSet() : null;
        return new FieldNode(start, alias, name, arguments, directives, selectionSet);
    }

    // Arguments : ( Argument+ )
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!Peek(TokenKind.ParenLeft))
        {
            return [];
        }

        _lexer.Advance();
        var list = new List<ArgumentNode>();
        do
        {
            var start = _lexer.Start;
            var name = ParseName();
            Expect(TokenKind.Colon);
            list.Add(new ArgumentNode(start, name, ParseValueLiteral(isConst)));
        }
        while (!Skip(TokenKind.ParenRight));

        return list;
    }

    // FragmentSpread : ... FragmentName Directives?   InlineFragment : ... TypeCondition? Directives? SelectionSet
    private SelectionNode ParseFragment()
    {
        var start = Expect(TokenKind.Spread);
        var hasTypeCondition = SkipKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseName();
            return new FragmentSpreadNode(start, name, ParseDirectives(isConst: false));
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        return new InlineFragmentNode(start, typeCondition, directives, ParseSelectionSet());
    }

    // FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet
    // Variables on fragments are the legacy experimental form and are a syntax error, as in graphql-js.
    private FragmentDefinitionNode ParseFragmentDefinition(int start)
    {
        ExpectKeyword("fragment");
        if (PeekKeyword("on"))
        {
            throw Unexpected();
        }

        var name = ParseName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        return new FragmentDefinitionNode(start, name, [], typeCondition, directives, ParseSelectionSet());
    }

    // Directives : Directive+   Directive : @ Name Arguments?
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var list = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var start = _lexer.Start;
            _lexer.Advance();
            var name = ParseName();
            list.Add(new DirectiveNode(start, name, ParseArguments(isConst)));
        }

        return list;
    }
}
