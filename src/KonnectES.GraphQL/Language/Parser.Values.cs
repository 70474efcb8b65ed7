using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Language;

internal sealed partial class Parser
{
    // Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue
    //              | EnumValue | ListValue[?Const] | ObjectValue[?Const]
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var start = _lexer.Start;
        switch (_lexer.Kind)
        {
            case TokenKind.BracketLeft:
                return ParseList(isConst);
            case TokenKind.BraceLeft:
                return ParseObject(isConst);
            case TokenKind.Int:
                {
                    var value = _lexer.Value;
                    _lexer.Advance();
                    return new IntValueNode(start, value);
                }

            case TokenKind.Float:
                {
                    var value = _lexer.Value;
                    _lexer.Advance();
                    return new FloatValueNode(start, value);
                }

            case TokenKind.String or TokenKind.BlockString:
                {
                    var block = _lexer.Kind == TokenKind.BlockString;
                    var value = _lexer.Value;
                    _lexer.Advance();
                    return new StringValueNode(start, value, block);
                }

            case TokenKind.Name:
                {
                    var name = _lexer.Value;
                    _lexer.Advance();
                    return name switch
                    {
                        "true" => new BooleanValueNode(start, true),
                        "false" => new BooleanValueNode(start, false),
                        "null" => new NullValueNode(start),
                        _ => new EnumValueNode(start, name),
                    };
                }

            case TokenKind.Dollar:
                if (isConst)
                {
                    _lexer.Advance();
                    if (Peek(TokenKind.Name))
                    {
                        throw _lexer.Error(start, Messages.UnexpectedVariable(_lexer.Value));
                    }

                    throw Unexpected();
                }

                return ParseVariable();
        }

        throw Unexpected();
    }

    // ListValue : [ ] | [ Value+ ]
    private ListValueNode ParseList(bool isConst)
    {
        var start = Expect(TokenKind.BracketLeft);
        Enter();
        var values = new List<ValueNode>();
        while (!Skip(TokenKind.BracketRight))
        {
            values.Add(ParseValueLiteral(isConst));
        }

        Leave();
        return new ListValueNode(start, values);
    }

    // ObjectValue : { } | { ObjectField+ }
    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = Expect(TokenKind.BraceLeft);
        Enter();
        var fields = new List<ObjectFieldNode>();
        while (!Skip(TokenKind.BraceRight))
        {
            var fieldStart = _lexer.Start;
            var name = ParseName();
            Expect(TokenKind.Colon);
            fields.Add(new ObjectFieldNode(fieldStart, name, ParseValueLiteral(isConst)));
        }

        Leave();
        return new ObjectValueNode(start, fields);
    }

    // Type : NamedType | ListType | NonNullType
    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Start;
        TypeNode type;
        if (Skip(TokenKind.BracketLeft))
        {
            Enter();
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketRight);
            Leave();
            type = new ListTypeNode(start, inner);
        }
        else
        {
            type = ParseNamedType();
        }

        return Skip(TokenKind.Bang) ? new NonNullTypeNode(start, type) : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Start;
        return new NamedTypeNode(start, ParseName());
    }
}
