namespace KonnectES.Domain;

/// <summary>Either a value or a non-empty list of <see cref="DomainError"/>s.</summary>
/// <typeparam name="T">The success value.</typeparam>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<DomainError> errors)
    {
        _value = value;
        Errors = errors;
    }

    /// <summary>True when there are no errors.</summary>
    public bool IsSuccess => Errors.Count == 0;

    /// <summary>The errors; empty on success.</summary>
    public IReadOnlyList<DomainError> Errors { get; }

    /// <summary>The value; throws <see cref="InvalidOperationException"/> when the result is a failure (a programming error).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("The result is a failure: " + string.Join("; ", Errors));

    /// <summary>A success.</summary>
    public static Result<T> Ok(T value) => new(value, []);

    /// <summary>A failure; <paramref name="errors"/> must not be empty.</summary>
    public static Result<T> Fail(IReadOnlyList<DomainError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(default, errors);

    /// <summary>A failure with one error.</summary>
    public static Result<T> Fail(DomainError error) => new(default, [error]);

    /// <summary>A success or a failure depending on <paramref name="errors"/>.</summary>
    public static Result<T> From(T value, IReadOnlyList<DomainError> errors) => errors.Count == 0 ? Ok(value) : Fail(errors);
}
