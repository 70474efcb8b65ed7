namespace KonnectES.GraphQL.Language;

/// <summary>An iterative lexer over a GraphQL document (spec §2.1); it never recurses.</summary>
internal sealed partial class Lexer
{
    private readonly string _body;
    private readonly int _maxTokens;
    private int _position;
    private int _tokenCount;

    public Lexer(SourceText source, int maxTokens)
    {
        Source = source;
        _body = source.Body;
        _maxTokens = maxTokens;
        Kind = TokenKind.StartOfFile;
    }

    public SourceText Source { get; }

    public TokenKind Kind { get; private set; }

    public int Start { get; private set; }

    public int End { get; private set; }

    /// <summary>The cooked value of a Name, Int, Float, String or BlockString token.</summary>
    public string Value { get; private set; } = string.Empty;

    /// <summary>The end of the previous token, used for node locations.</summary>
    public int PreviousEnd { get; private set; }

    public SyntaxException Error(int position, string message) =>
        new(message, position, Source.GetLocation(position));

    public void Advance()
    {
        PreviousEnd = End;
        SkipIgnored();
        Start = _position;
        if (_position >= _body.Length)
        {
            Kind = TokenKind.EndOfFile;
            End = _position;
            return;
        }

        if (++_tokenCount > _maxTokens)
        {
            throw Error(_position, Messages.TooManyTokens(_maxTokens));
        }

        var c = _body[_position];
        switch (c)
        {
            case '!': Punctuator(TokenKind.Bang); return;
            case '$': Punctuator(TokenKind.Dollar); return;
            case '&': Punctuator(TokenKind.Ampersand); return;
            case '(': Punctuator(TokenKind.ParenLeft); return;
            case ')': Punctuator(TokenKind.ParenRight); return;
            case ':': Punctuator(TokenKind.Colon); return;
            case '=': Punctuator(TokenKind.Equals); return;
            case '@': Punctuator(TokenKind.At); return;
            case '[': Punctuator(TokenKind.BracketLeft); return;
            case ']': Punctuator(TokenKind.BracketRight); return;
            case '{': Punctuator(TokenKind.BraceLeft); return;
            case '|': Punctuator(TokenKind.Pipe); return;
            case '}': Punctuator(TokenKind.BraceRight); return;
            case '.':
                if (_position + 2 < _body.Length && _body[_position + 1] == '.' && _body[_position + 2] == '.')
                {
                    Kind = TokenKind.Spread;
                    _position += 3;
                    End = _position;
                    return;
                }

                break;
            case '"':
                if (_position + 2 < _body.Length && _body[_position + 1] == '"' && _body[_position + 2] == '"')
                {
                    ReadBlockString();
                }
                else
                {
                    ReadString();
                }

                return;
        }

        if (IsNameStart(c))
        {
            ReadName();
            return;
        }

        if (IsDigit(c) || c == '-')
        {
            ReadNumber();
            return;
        }

        throw Error(_position, IsSourceCharacter(_body, _position)
            ? Messages.UnexpectedCharacter(Describe(_position))
            : Messages.InvalidCharacter(Describe(_position)));
    }

    private void Punctuator(TokenKind kind)
    {
        Kind = kind;
        _position++;
        End = _position;
    }

    private void SkipIgnored()
    {
        var body = _body;
        while (_position < body.Length)
        {
            var c = body[_position];
            if (c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r' || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '#')
            {
                while (_position < body.Length && body[_position] != '\n' && body[_position] != '\r')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void ReadName()
    {
        var start = _position;
        _position++;
        while (_position < _body.Length && IsNameContinue(_body[_position]))
        {
            _position++;
        }

        Kind = TokenKind.Name;
        End = _position;
        Value = NameTable.Get(_body, start, _position - start);
    }

    internal static bool IsNameStart(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    internal static bool IsNameContinue(char c) => IsNameStart(c) || IsDigit(c);

    internal static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Describes the character at a position as graphql-js does: a quoted character or U+XXXX.</summary>
    private string Describe(int position)
    {
        if (position >= _body.Length)
        {
            return "<EOF>";
        }

        var c = _body[position];
        if (c >= 0x20 && c < 0x7F)
        {
            return c == '"' ? "'\"'" : "\"" + c + "\"";
        }

        var code = char.IsHighSurrogate(c) && position + 1 < _body.Length && char.IsLowSurrogate(_body[position + 1])
            ? char.ConvertToUtf32(c, _body[position + 1])
            : c;
        return "U+" + code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsSourceCharacter(string body, int position)
    {
        var c = body[position];
        if (c >= 0x20 && !char.IsSurrogate(c))
        {
            return true;
        }

        if (c == '\t' || c == '\n' || c == '\r')
        {
            return true;
        }

        return char.IsHighSurrogate(c) && position + 1 < body.Length && char.IsLowSurrogate(body[position + 1]);
    }
}
