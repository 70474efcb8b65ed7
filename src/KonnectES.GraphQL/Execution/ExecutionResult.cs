using System.Text.Json;

namespace KonnectES.GraphQL.Execution;

/// <summary>
/// The result of a request. A request error result (parse, validation, operation or variable failure) has no
/// data at all; an execution result has data (possibly null) and the field errors that happened.
/// </summary>
public sealed class ExecutionResult
{
    internal ExecutionResult(bool hasData, object? data, IReadOnlyList<GraphQLError>? errors, ResultKind kind = ResultKind.Execution)
    {
        HasData = hasData;
        Data = data;
        Errors = errors is { Count: > 0 } ? errors : null;
        Kind = kind;
    }

    /// <summary>Whether the result has a <c>data</c> entry (false for request errors).</summary>
    public bool HasData { get; }

    /// <summary>The data: ordered maps (readable as <see cref="IReadOnlyDictionary{TKey, TValue}"/>), lists and scalars.</summary>
    public object? Data { get; }

    /// <summary>The errors, or null when there are none.</summary>
    public IReadOnlyList<GraphQLError>? Errors { get; }

    internal ResultKind Kind { get; }

    internal static ExecutionResult RequestError(ResultKind kind, params GraphQLError[] errors) => new(false, null, errors, kind);

    /// <summary>Writes the result as the spec's JSON response.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ResultWriter.Write(writer, this);
    }

    /// <summary>The result as JSON text.</summary>
    /// <returns>The JSON.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ResultWriter.Write(writer, this);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
