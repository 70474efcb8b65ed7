using System.Collections.Concurrent;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;
using KonnectES.GraphQL.Validation;

namespace KonnectES.GraphQL.Execution;

/// <summary>
/// Executes requests against a schema: parse (cached), validate (cached), protect (depth, cost, fields,
/// aliases), pick the operation, coerce variables, then run it. Thread-safe; create one per schema.
/// </summary>
public sealed partial class RequestExecutor
{
    private const int MaxCachedDocumentLength = 64 * 1024;

    private readonly ConcurrentDictionary<string, PreparedDocument> _documents = new(StringComparer.Ordinal);

    internal RequestExecutor(Schema schema, ExecutionOptions options)
    {
        Schema = schema;
        Options = options;
    }

    /// <summary>The schema requests run against.</summary>
    public Schema Schema { get; }

    /// <summary>The limits in force.</summary>
    public ExecutionOptions Options { get; }

    /// <summary>Executes a query or mutation. A subscription operation is refused: use <see cref="SubscribeAsync"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="context">Services, user and items for resolvers; empty when null.</param>
    /// <param name="cancellationToken">Cancels the execution and is passed to resolvers.</param>
    /// <returns>The result; a request error result has no data.</returns>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = Prepare(request, out var operation, out var variables, out var error);
        if (error is not null)
        {
            return error;
        }

        if (operation!.Operation == OperationType.Subscription)
        {
            return ExecutionResult.RequestError(ResultKind.OperationSelection, new GraphQLError(Messages.SubscriptionNeedsStream, code: "BAD_REQUEST"));
        }

        return await RunAsync(prepared!, operation, variables!, context ?? new RequestContext(), cancellationToken);
    }

    private Task<ExecutionResult> RunAsync(PreparedDocument prepared, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variables, RequestContext context, CancellationToken cancellationToken)
    {
        var rootType = Schema.RootType(operation.Operation);
        if (rootType is null)
        {
            return Task.FromResult(ExecutionResult.RequestError(ResultKind.Validation, new GraphQLError(
                Messages.OperationTypeNotSupported(operation.Operation), [prepared.Document!.Source.GetLocation(operation.Start)])));
        }

        var collector = new FieldCollector(Schema, prepared.Fragments, variables);
        var execution = new OperationExecution(Schema, Options, context, collector, prepared.Document!.Source, cancellationToken);
        var serially = operation.Operation == OperationType.Mutation;

        // The DataLoader dispatch relies on resolver continuations running inline: leave any
        // synchronization context (test runners, UI hosts) behind.
        return SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default
            ? execution.ExecuteAsync(rootType, operation.SelectionSet, serially, context.RootValue)
            : Task.Run(() => execution.ExecuteAsync(rootType, operation.SelectionSet, serially, context.RootValue), cancellationToken);
    }

    /// <summary>Parses and validates a document (or takes it from the cache).</summary>
    internal PreparedDocument PrepareDocument(string query)
    {
        if (_documents.TryGetValue(query, out var cached))
        {
            return cached;
        }

        PreparedDocument prepared;
        try
        {
            var document = Parser.Parse(query, Options.Parser);
            var limitError = DocumentLimits.Check(document, Options);
            var errors = limitError is null ? DocumentValidator.Validate(Schema, document, Options.MaxValidationErrors) : [limitError];
            if (errors.Count == 0 && OperationLimits.Check(Schema, document, Options) is { } analysisError)
            {
                errors = [analysisError];
            }

            prepared = errors.Count > 0
                ? new PreparedDocument(document, new ExecutionResult(false, null, errors, limitError is null ? ResultKind.Validation : ResultKind.Refused))
                : new PreparedDocument(document, null);
            foreach (var definition in document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    prepared.Fragments.TryAdd(fragment.Name!, fragment);
                }
            }
        }
        catch (SyntaxException e)
        {
            prepared = new PreparedDocument(null, ExecutionResult.RequestError(ResultKind.Syntax, new GraphQLError(e.Message, [e.Location], code: "GRAPHQL_PARSE_FAILED")));
        }

        // Large documents are not kept: the cache must not become a way to hold memory hostage.
        if (query.Length <= MaxCachedDocumentLength)
        {
            if (_documents.Count >= Options.DocumentCacheSize)
            {
                _documents.Clear();
            }

            _documents.TryAdd(query, prepared);
        }

        return prepared;
    }

    private PreparedDocument? Prepare(GraphQLRequest request, out OperationDefinitionNode? operation, out IReadOnlyDictionary<string, object?>? variables, out ExecutionResult? error)
    {
        operation = null;
        variables = null;
        var prepared = PrepareDocument(request.Query);
        if (prepared.Error is not null)
        {
            error = prepared.Error;
            return null;
        }

        operation = SelectOperation(prepared.Document!, request.OperationName, out error);
        if (operation is null)
        {
            return null;
        }

        variables = VariableCoercion.Coerce(Schema, operation, request.Variables, prepared.Document!.Source, out error);
        return error is null ? prepared : null;
    }

    // GetOperation (spec §6.1)
    private static OperationDefinitionNode? SelectOperation(DocumentNode document, string? operationName, out ExecutionResult? error)
    {
        error = null;
        OperationDefinitionNode? found = null;
        var count = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            count++;
            if (operationName is null ? found is null : operation.Name == operationName)
            {
                found = operation;
            }
        }

        if (operationName is null && count > 1)
        {
            error = ExecutionResult.RequestError(ResultKind.OperationSelection, new GraphQLError(Messages.OperationNameRequired, code: "BAD_REQUEST"));
            return null;
        }

        if (found is null)
        {
            error = ExecutionResult.RequestError(ResultKind.OperationSelection, new GraphQLError(
                operationName is null ? Messages.NoOperation : Messages.UnknownOperation(operationName), code: "BAD_REQUEST"));
        }

        return found;
    }
}
