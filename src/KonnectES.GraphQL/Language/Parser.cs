using KonnectES.GraphQL.Language.Syntax;

namespace KonnectES.GraphQL.Language;

/// <summary>
/// A recursive-descent parser for the whole GraphQL grammar. Every recursive production shares one depth
/// counter, so no document can overflow the stack (a 2026 HotChocolate CVE showed why).
/// </summary>
internal sealed partial class Parser
{
    private readonly Lexer _lexer;
    private readonly int _maxDepth;
    private int _depth;

    private Parser(string text, ParserOptions options)
    {
        var source = new SourceText(text);
        if (text.Length > options.MaxLength)
        {
            throw new SyntaxException(Messages.DocumentTooLong(options.MaxLength), 0, new SourceLocation(1, 1));
        }

        _lexer = new Lexer(source, options.MaxTokens);
        _maxDepth = options.MaxDepth;
        _lexer.Advance();
    }

    public static DocumentNode Parse(string text, ParserOptions? options = null)
    {
        var parser = new Parser(text, options ?? ParserOptions.Default);
        return parser.ParseDocument();
    }

    public static ValueNode ParseValue(string text)
    {
        var parser = new Parser(text, ParserOptions.Default);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    public static TypeNode ParseType(string text)
    {
        var parser = new Parser(text, ParserOptions.Default);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.EndOfFile);
        return type;
    }

    // Document : Definition+
    private DocumentNode ParseDocument()
    {
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_lexer.Kind != TokenKind.EndOfFile);

        return new DocumentNode(0, definitions, _lexer.Source);
    }

    // Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
    private DefinitionNode ParseDefinition()
    {
        if (_lexer.Kind == TokenKind.BraceLeft)
        {
            return ParseOperationDefinition();
        }

        if (_lexer.Kind is TokenKind.String or TokenKind.BlockString)
        {
            return ParseDescribedDefinition();
        }

        if (_lexer.Kind == TokenKind.Name)
        {
            switch (_lexer.Value)
            {
                case "query" or "mutation" or "subscription":
                    return ParseOperationDefinition(_lexer.Start);
                case "fragment":
                    return ParseFragmentDefinition(_lexer.Start);
                case "schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input" or "directive":
                    return ParseTypeSystemDefinition(_lexer.Start, null);
                case "extend":
                    return ParseTypeSystemExtension();
            }
        }

        throw Unexpected();
    }

    // Description Definition: type system definitions, operations, fragments (executable descriptions, as graphql-js 16.15).
    private DefinitionNode ParseDescribedDefinition()
    {
        var start = _lexer.Start;
        var description = _lexer.Value;
        _lexer.Advance();
        if (_lexer.Kind == TokenKind.BraceLeft)
        {
            throw _lexer.Error(start, Messages.DescriptionOnShorthand);
        }

        if (_lexer.Kind != TokenKind.Name)
        {
            throw Unexpected();
        }

        return _lexer.Value switch
        {
            "schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input" or "directive" => ParseTypeSystemDefinition(start, description),
            "query" or "mutation" or "subscription" => ParseOperationDefinition(start),
            "fragment" => ParseFragmentDefinition(start),
            _ => throw _lexer.Error(start, Messages.UnexpectedDescription),
        };
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw _lexer.Error(_lexer.Start, Messages.TooDeep(_maxDepth));
        }
    }

    private void Leave() => _depth--;

    private bool Peek(TokenKind kind) => _lexer.Kind == kind;

    private bool PeekKeyword(string keyword) => _lexer.Kind == TokenKind.Name && _lexer.Value == keyword;

    private int Expect(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw _lexer.Error(_lexer.Start, Messages.Expected(Describe(kind, null), DescribeCurrent()));
        }

        var start = _lexer.Start;
        _lexer.Advance();
        return start;
    }

    private bool Skip(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }

        _lexer.Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            throw _lexer.Error(_lexer.Start, Messages.Expected("\"" + keyword + "\"", DescribeCurrent()));
        }

        _lexer.Advance();
    }

    private bool SkipKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        _lexer.Advance();
        return true;
    }

    private string ParseName()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw _lexer.Error(_lexer.Start, Messages.Expected("Name", DescribeCurrent()));
        }

        var name = _lexer.Value;
        _lexer.Advance();
        return name;
    }

    private SyntaxException Unexpected() => _lexer.Error(_lexer.Start, Messages.Unexpected(DescribeCurrent()));

    private string DescribeCurrent() => Describe(_lexer.Kind, _lexer.Kind is TokenKind.Name or TokenKind.Int or TokenKind.Float or TokenKind.String or TokenKind.BlockString ? _lexer.Value : null);

    private static string Describe(TokenKind kind, string? value)
    {
        var text = kind switch
        {
            TokenKind.EndOfFile => "<EOF>",
            TokenKind.Bang => "\"!\"",
            TokenKind.Dollar => "\"$\"",
            TokenKind.Ampersand => "\"&\"",
            TokenKind.ParenLeft => "\"(\"",
            TokenKind.ParenRight => "\")\"",
            TokenKind.Spread => "\"...\"",
            TokenKind.Colon => "\":\"",
            TokenKind.Equals => "\"=\"",
            TokenKind.At => "\"@\"",
            TokenKind.BracketLeft => "\"[\"",
            TokenKind.BracketRight => "\"]\"",
            TokenKind.BraceLeft => "\"{\"",
            TokenKind.Pipe => "\"|\"",
            TokenKind.BraceRight => "\"}\"",
            TokenKind.Name => "Name",
            TokenKind.Int => "Int",
            TokenKind.Float => "Float",
            TokenKind.String => "String",
            TokenKind.BlockString => "BlockString",
            _ => kind.ToString(),
        };
        return value is null ? text : text + " \"" + value + "\"";
    }
}
