namespace KonnectES.GraphQL.Language;

internal sealed partial class Lexer
{
    // IntValue / FloatValue (spec §2.9.1, §2.9.2), with the lookahead restriction:
    // no digit, '.' or NameStart may follow a number.
    private void ReadNumber()
    {
        var start = _position;
        var isFloat = false;
        if (_body[_position] == '-')
        {
            _position++;
        }

        if (At(_position) == '0')
        {
            _position++;
            if (IsDigit(At(_position)))
            {
                throw Error(_position, Messages.UnexpectedDigitAfterZero(Describe(_position)));
            }
        }
        else
        {
            ReadDigits();
        }

        if (At(_position) == '.')
        {
            isFloat = true;
            _position++;
            ReadDigits();
        }

        var e = At(_position);
        if (e == 'e' || e == 'E')
        {
            isFloat = true;
            _position++;
            var sign = At(_position);
            if (sign == '+' || sign == '-')
            {
                _position++;
            }

            ReadDigits();
        }

        var next = At(_position);
        if (next == '.' || IsNameStart(next))
        {
            throw Error(_position, Messages.ExpectedDigit(Describe(_position)));
        }

        Kind = isFloat ? TokenKind.Float : TokenKind.Int;
        End = _position;
        Value = _body.Substring(start, _position - start);
    }

    private void ReadDigits()
    {
        if (!IsDigit(At(_position)))
        {
            throw Error(_position, Messages.ExpectedDigit(Describe(_position)));
        }

        while (IsDigit(At(_position)))
        {
            _position++;
        }
    }

    private char At(int position) => position < _body.Length ? _body[position] : '\0';
}
