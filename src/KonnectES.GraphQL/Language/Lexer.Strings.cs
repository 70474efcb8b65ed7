using System.Text;

namespace KonnectES.GraphQL.Language;

internal sealed partial class Lexer
{
    // StringValue :: " StringCharacter* " (spec §2.9.4)
    private void ReadString()
    {
        var start = _position;
        _position++;
        var chunkStart = _position;
        StringBuilder? builder = null;
        while (_position < _body.Length)
        {
            var c = _body[_position];
            if (c == '"')
            {
                string value;
                if (builder is null)
                {
                    value = _body.Substring(chunkStart, _position - chunkStart);
                }
                else
                {
                    builder.Append(_body, chunkStart, _position - chunkStart);
                    value = builder.ToString();
                }

                _position++;
                Kind = TokenKind.String;
                Start = start;
                End = _position;
                Value = value;
                return;
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder();
                builder.Append(_body, chunkStart, _position - chunkStart);
                ReadEscape(builder);
                chunkStart = _position;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                break;
            }

            _position += CheckStringCharacter(c);
        }

        throw Error(_position, Messages.UnterminatedString);
    }

    /// <summary>Checks one source character inside a string and returns its length in UTF-16 code units.</summary>
    private int CheckStringCharacter(char c)
    {
        if (c >= 0x20 && !char.IsSurrogate(c))
        {
            return 1;
        }

        if (c == '\t')
        {
            return 1;
        }

        if (char.IsHighSurrogate(c) && _position + 1 < _body.Length && char.IsLowSurrogate(_body[_position + 1]))
        {
            return 2;
        }

        throw Error(_position, Messages.InvalidCharacterInString(Describe(_position)));
    }

    private void ReadEscape(StringBuilder builder)
    {
        var escapeStart = _position;
        var c = At(_position + 1);
        switch (c)
        {
            case '"': builder.Append('"'); _position += 2; return;
            case '\\': builder.Append('\\'); _position += 2; return;
            case '/': builder.Append('/'); _position += 2; return;
            case 'b': builder.Append('\b'); _position += 2; return;
            case 'f': builder.Append('\f'); _position += 2; return;
            case 'n': builder.Append('\n'); _position += 2; return;
            case 'r': builder.Append('\r'); _position += 2; return;
            case 't': builder.Append('\t'); _position += 2; return;
            case 'u':
                ReadUnicodeEscape(builder, escapeStart);
                return;
        }

        var length = _position + 1 < _body.Length ? 2 : 1;
        throw Error(escapeStart, Messages.InvalidEscape(_body.Substring(escapeStart, length)));
    }

    private void ReadUnicodeEscape(StringBuilder builder, int escapeStart)
    {
        if (At(escapeStart + 2) == '{')
        {
            // \u{...}: any number of hex digits up to a Unicode scalar value (spec 2021+).
            var p = escapeStart + 3;
            var value = 0;
            var digits = 0;
            while (p < _body.Length && _body[p] != '}')
            {
                var h = HexValue(_body[p]);
                if (h < 0 || (value = (value << 4) | h) > 0x10FFFF)
                {
                    throw InvalidUnicode(escapeStart, p + 1);
                }

                digits++;
                p++;
            }

            if (p >= _body.Length || digits == 0 || (value >= 0xD800 && value <= 0xDFFF))
            {
                throw InvalidUnicode(escapeStart, Math.Min(p + 1, _body.Length));
            }

            builder.Append(char.ConvertFromUtf32(value));
            _position = p + 1;
            return;
        }

        var code = ReadHex4(escapeStart + 2);
        if (code < 0)
        {
            throw InvalidUnicode(escapeStart, Math.Min(escapeStart + 6, _body.Length));
        }

        if (code >= 0xD800 && code <= 0xDBFF)
        {
            // The legacy surrogate-pair form "\uD83D\uDCA9" is one scalar value.
            if (At(escapeStart + 6) == '\\' && At(escapeStart + 7) == 'u')
            {
                var low = ReadHex4(escapeStart + 8);
                if (low >= 0xDC00 && low <= 0xDFFF)
                {
                    builder.Append((char)code).Append((char)low);
                    _position = escapeStart + 12;
                    return;
                }
            }

            throw InvalidUnicode(escapeStart, escapeStart + 6);
        }

        if (code >= 0xDC00 && code <= 0xDFFF)
        {
            throw InvalidUnicode(escapeStart, escapeStart + 6);
        }

        builder.Append((char)code);
        _position = escapeStart + 6;
    }

    private SyntaxException InvalidUnicode(int start, int end) =>
        Error(start, Messages.InvalidUnicodeEscape(_body.Substring(start, Math.Max(0, Math.Min(end, _body.Length) - start))));

    private int ReadHex4(int p)
    {
        if (p + 4 > _body.Length)
        {
            return -1;
        }

        var a = HexValue(_body[p]);
        var b = HexValue(_body[p + 1]);
        var c = HexValue(_body[p + 2]);
        var d = HexValue(_body[p + 3]);
        return (a | b | c | d) < 0 ? -1 : (a << 12) | (b << 8) | (c << 4) | d;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    // BlockString :: """ BlockStringCharacter* """ (spec §2.9.4)
    private void ReadBlockString()
    {
        var start = _position;
        _position += 3;
        var chunkStart = _position;
        var raw = new StringBuilder();
        while (_position < _body.Length)
        {
            var c = _body[_position];
            if (c == '"' && At(_position + 1) == '"' && At(_position + 2) == '"')
            {
                raw.Append(_body, chunkStart, _position - chunkStart);
                _position += 3;
                Kind = TokenKind.BlockString;
                Start = start;
                End = _position;
                Value = BlockString.Dedent(raw.ToString());
                return;
            }

            if (c == '\\' && At(_position + 1) == '"' && At(_position + 2) == '"' && At(_position + 3) == '"')
            {
                raw.Append(_body, chunkStart, _position - chunkStart).Append("\"\"\"");
                _position += 4;
                chunkStart = _position;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                _position++;
                continue;
            }

            _position += CheckStringCharacter(c);
        }

        throw Error(_position, Messages.UnterminatedString);
    }
}
