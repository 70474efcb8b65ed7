namespace KonnectES.Domain;

/// <summary>
/// An expected failure, returned as a value (never thrown): a code (<see cref="Validation"/>,
/// <see cref="NotFound"/> or <see cref="Conflict"/>), a message and the path of the offending field.
/// </summary>
/// <param name="Code">VALIDATION, NOT_FOUND or CONFLICT (the portal's UserError codes).</param>
/// <param name="Message">Human-readable, in Kong's wording where Kong has one.</param>
/// <param name="Field">Path segments, e.g. <c>["services", "2", "routes", "0", "paths", "1"]</c>.</param>
public sealed record DomainError(string Code, string Message, IReadOnlyList<string> Field)
{
    /// <summary>A field or combination of fields breaks a rule.</summary>
    public const string Validation = "VALIDATION";

    /// <summary>The addressed entity (or a referenced one) does not exist.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A uniqueness rule or a restricting reference forbids the change.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>The field path rendered like Kong's decK errors: <c>services[2].routes[0].paths[1]</c>.</summary>
    public string Path => FieldPath.Render(Field);

    /// <summary>Creates a VALIDATION error.</summary>
    public static DomainError Invalid(string message, params IReadOnlyList<string> field) => new(Validation, message, field);

    /// <summary>Creates a NOT_FOUND error.</summary>
    public static DomainError Missing(string message, params IReadOnlyList<string> field) => new(NotFound, message, field);

    /// <summary>Creates a CONFLICT error.</summary>
    public static DomainError Conflicting(string message, params IReadOnlyList<string> field) => new(Conflict, message, field);

    /// <summary>The same error with <paramref name="prefix"/> put in front of its field path.</summary>
    public DomainError Under(IReadOnlyList<string> prefix) => this with { Field = [.. prefix, .. Field] };

    /// <inheritdoc />
    public override string ToString() => Field.Count == 0 ? $"{Code}: {Message}" : $"{Code}: {Path}: {Message}";
}
