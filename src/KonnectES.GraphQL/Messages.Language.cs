namespace KonnectES.GraphQL;

/// <summary>Every message the engine reports lives in this class; this part: syntax errors and parser limits.</summary>
internal static partial class Messages
{
    public static string DocumentTooLong(int max) =>
        $"Document exceeds the maximum length of {max} characters.";

    public static string Expected(string expected, string found) =>
        $"Expected {expected}, found {found}.";

    public static string ExpectedDigit(string found) =>
        $"Invalid number, expected digit but got: {found}.";

    public static string InvalidCharacter(string c) =>
        $"Invalid character: {c}.";

    public static string InvalidCharacterInString(string c) =>
        $"Invalid character within String: {c}.";

    public static string InvalidEscape(string text) =>
        $"Invalid character escape sequence: \"{text}\".";

    public static string InvalidUnicodeEscape(string text) =>
        $"Invalid Unicode escape sequence: \"{text}\".";

    public static string ReservedEnumValue(string name) =>
        $"Name \"{name}\" is reserved and cannot be used for an enum value.";

    public static string TooDeep(int max) =>
        $"Document nesting exceeds the maximum depth of {max}.";

    public static string TooManyTokens(int max) =>
        $"Document contains more than {max} tokens. Parsing aborted.";

    public static string Unexpected(string found) =>
        $"Unexpected {found}.";

    public static string UnexpectedCharacter(string c) =>
        $"Unexpected character: {c}.";

    public const string UnexpectedDescription = "Unexpected description, only GraphQL definitions support descriptions.";

    public static string UnexpectedDigitAfterZero(string c) =>
        $"Invalid number, unexpected digit after 0: {c}.";

    public static string UnexpectedVariable(string name) =>
        $"Unexpected variable \"${name}\" in constant value.";

    public const string UnterminatedString = "Unterminated string.";

    public const string DescriptionOnShorthand = "Unexpected description, descriptions are not supported on shorthand queries.";

    public const string PrintTypeSystem = "Only executable definitions are printed here; use the schema printer for type system definitions.";
}
