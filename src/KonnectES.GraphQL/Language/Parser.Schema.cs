using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Language;

internal sealed partial class Parser
{
    private static readonly HashSet<string> DirectiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION",
    ];

    // TypeSystemDefinition : Description? (SchemaDefinition | TypeDefinition | DirectiveDefinition)
    private TypeSystemNode ParseTypeSystemDefinition(int start, string? description)
    {
        return _lexer.Value switch
        {
            "schema" => ParseSchema(start, description, isExtension: false),
            "scalar" => ParseScalar(start, description, isExtension: false),
            "type" => ParseObjectLike(start, description, isExtension: false, isInterface: false),
            "interface" => ParseObjectLike(start, description, isExtension: false, isInterface: true),
            "union" => ParseUnion(start, description, isExtension: false),
            "enum" => ParseEnum(start, description, isExtension: false),
            "input" => ParseInputObject(start, description, isExtension: false),
            "directive" => ParseDirectiveDefinition(start, description),
            _ => throw Unexpected(),
        };
    }

    // TypeSystemExtension : extend (schema | scalar | type | interface | union | enum | input) ...
    private TypeSystemNode ParseTypeSystemExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        if (_lexer.Kind != TokenKind.Name)
        {
            throw Unexpected();
        }

        TypeSystemNode node = _lexer.Value switch
        {
            "schema" => ParseSchema(start, null, isExtension: true),
            "scalar" => ParseScalar(start, null, isExtension: true),
            "type" => ParseObjectLike(start, null, isExtension: true, isInterface: false),
            "interface" => ParseObjectLike(start, null, isExtension: true, isInterface: true),
            "union" => ParseUnion(start, null, isExtension: true),
            "enum" => ParseEnum(start, null, isExtension: true),
            "input" => ParseInputObject(start, null, isExtension: true),
            _ => throw Unexpected(),
        };
        return node;
    }

    private SchemaDefinitionNode ParseSchema(int start, string? description, bool isExtension)
    {
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operations = new List<OperationTypeDefinitionNode>();
        if (isExtension && !Peek(TokenKind.BraceLeft))
        {
            if (directives.Count == 0)
            {
                throw Unexpected();
            }

            return new SchemaDefinitionNode(start, description, directives, operations, isExtension);
        }

        Expect(TokenKind.BraceLeft);
        do
        {
            var opStart = _lexer.Start;
            var operation = ParseOperationType();
            Expect(TokenKind.Colon);
            operations.Add(new OperationTypeDefinitionNode(opStart, operation, ParseNamedType()));
        }
        while (!Skip(TokenKind.BraceRight));

        return new SchemaDefinitionNode(start, description, directives, operations, isExtension);
    }

    private ScalarTypeDefinitionNode ParseScalar(int start, string? description, bool isExtension)
    {
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (isExtension && directives.Count == 0)
        {
            throw Unexpected();
        }

        return new ScalarTypeDefinitionNode(start, description, name, directives, isExtension);
    }

    // ObjectTypeDefinition / InterfaceTypeDefinition : Description? type|interface Name ImplementsInterfaces? Directives? FieldsDefinition?
    private ObjectTypeDefinitionNode ParseObjectLike(int start, string? description, bool isExtension, bool isInterface)
    {
        _lexer.Advance();
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        IReadOnlyList<FieldDefinitionNode> fields = [];
        if (Peek(TokenKind.BraceLeft))
        {
            _lexer.Advance();
            var list = new List<FieldDefinitionNode>();
            do
            {
                list.Add(ParseFieldDefinition());
            }
            while (!Skip(TokenKind.BraceRight));

            fields = list;
        }
        else if (isExtension && interfaces.Count == 0 && directives.Count == 0)
        {
            throw Unexpected();
        }

        return new ObjectTypeDefinitionNode(start, description, name, interfaces, directives, fields, isExtension, isInterface);
    }

    // ImplementsInterfaces : implements &? NamedType ( & NamedType )*
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!SkipKeyword("implements"))
        {
            return [];
        }

        var list = new List<NamedTypeNode>();
        Skip(TokenKind.Ampersand);
        do
        {
            list.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Ampersand));

        return list;
    }

    // FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        return new FieldDefinitionNode(start, description, name, arguments, type, ParseDirectives(isConst: true));
    }

    private string? ParseDescription()
    {
        if (_lexer.Kind is not (TokenKind.String or TokenKind.BlockString))
        {
            return null;
        }

        var value = _lexer.Value;
        _lexer.Advance();
        return value;
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions()
    {
        if (!Skip(TokenKind.ParenLeft))
        {
            return [];
        }

        var list = new List<InputValueDefinitionNode>();
        do
        {
            list.Add(ParseInputValueDefinition());
        }
        while (!Skip(TokenKind.ParenRight));

        return list;
    }

    // InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = Skip(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return new InputValueDefinitionNode(start, description, name, type, defaultValue, ParseDirectives(isConst: true));
    }

    // UnionTypeDefinition : Description? union Name Directives? UnionMemberTypes?
    private UnionTypeDefinitionNode ParseUnion(int start, string? description, bool isExtension)
    {
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = new List<NamedTypeNode>();
        if (Skip(TokenKind.Equals))
        {
            Skip(TokenKind.Pipe);
            do
            {
                types.Add(ParseNamedType());
            }
            while (Skip(TokenKind.Pipe));
        }
        else if (isExtension && directives.Count == 0)
        {
            throw Unexpected();
        }

        return new UnionTypeDefinitionNode(start, description, name, directives, types, isExtension);
    }

    // EnumTypeDefinition : Description? enum Name Directives? EnumValuesDefinition?
    private EnumTypeDefinitionNode ParseEnum(int start, string? description, bool isExtension)
    {
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = new List<EnumValueDefinitionNode>();
        if (Skip(TokenKind.BraceLeft))
        {
            do
            {
                var valueStart = _lexer.Start;
                var valueDescription = ParseDescription();
                if (_lexer.Kind == TokenKind.Name && _lexer.Value is "true" or "false" or "null")
                {
                    throw _lexer.Error(_lexer.Start, Messages.ReservedEnumValue(_lexer.Value));
                }

                var valueName = ParseName();
                values.Add(new EnumValueDefinitionNode(valueStart, valueDescription, valueName, ParseDirectives(isConst: true)));
            }
            while (!Skip(TokenKind.BraceRight));
        }
        else if (isExtension && directives.Count == 0)
        {
            throw Unexpected();
        }

        return new EnumTypeDefinitionNode(start, description, name, directives, values, isExtension);
    }

    // InputObjectTypeDefinition : Description? input Name Directives? InputFieldsDefinition?
    private InputObjectTypeDefinitionNode ParseInputObject(int start, string? description, bool isExtension)
    {
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = new List<InputValueDefinitionNode>();
        if (Skip(TokenKind.BraceLeft))
        {
            do
            {
                fields.Add(ParseInputValueDefinition());
            }
            while (!Skip(TokenKind.BraceRight));
        }
        else if (isExtension && directives.Count == 0)
        {
            throw Unexpected();
        }

        return new InputObjectTypeDefinitionNode(start, description, name, directives, fields, isExtension);
    }

    // DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations
    private DirectiveDefinitionNode ParseDirectiveDefinition(int start, string? description)
    {
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = SkipKeyword("repeatable");
        ExpectKeyword("on");
        Skip(TokenKind.Pipe);
        var locations = new List<string>();
        do
        {
            var locationStart = _lexer.Start;
            var location = ParseName();
            if (!DirectiveLocations.Contains(location))
            {
                throw _lexer.Error(locationStart, Messages.Unexpected("Name \"" + location + "\""));
            }

            locations.Add(location);
        }
        while (Skip(TokenKind.Pipe));

        return new DirectiveDefinitionNode(start, description, name, arguments, repeatable, locations);
    }
}
