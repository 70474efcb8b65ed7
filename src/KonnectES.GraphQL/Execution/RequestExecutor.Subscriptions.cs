using System.Runtime.CompilerServices;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Execution;

public sealed partial class RequestExecutor
{
    /// <summary>
    /// Runs any operation; a subscription yields a stream (CreateSourceEventStream then MapSourceToResponseEvent,
    /// spec §6.2.3). Each event runs the selection set with the event as the root field's value (or as its
    /// parent, when the field has a resolver).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="context">Services, user and items for resolvers.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>A request error, a single result, or a stream.</returns>
    public async Task<SubscriptionResult> SubscribeAsync(GraphQLRequest request, RequestContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        context ??= new RequestContext();
        var prepared = Prepare(request, out var operation, out var variables, out var error);
        if (error is not null)
        {
            return new SubscriptionResult(error, null);
        }

        if (operation!.Operation != OperationType.Subscription)
        {
            return new SubscriptionResult(await RunAsync(prepared!, operation, variables!, context, cancellationToken), null);
        }

        var rootType = Schema.SubscriptionType;
        if (rootType is null)
        {
            return new SubscriptionResult(ExecutionResult.RequestError(ResultKind.Validation, new GraphQLError(Messages.OperationTypeNotSupported(OperationType.Subscription))), null);
        }

        var collector = new FieldCollector(Schema, prepared!.Fragments, variables!);
        var fields = collector.Collect(rootType, operation.SelectionSet);
        if (fields.Length != 1 || fields[0].Definition.Subscriber is null)
        {
            return new SubscriptionResult(ExecutionResult.RequestError(ResultKind.Validation, new GraphQLError(Messages.NoSubscriber)), null);
        }

        var setup = new OperationExecution(Schema, Options, context, collector, prepared.Document!.Source, cancellationToken);
        var arguments = setup.ArgumentsOf(fields[0]);
        if (fields[0].ArgumentError is { } argumentError)
        {
            return new SubscriptionResult(ExecutionResult.RequestError(ResultKind.Variables, new GraphQLError(argumentError)), null);
        }

        IAsyncEnumerable<object?> source;
        try
        {
            source = fields[0].Definition.Subscriber!(new ResolverContext(setup, rootType, context.RootValue, fields[0], arguments!));
        }
        catch (GraphQLException e)
        {
            return new SubscriptionResult(ExecutionResult.RequestError(ResultKind.Execution, new GraphQLError(e.Message, code: e.Code)), null);
        }

        return new SubscriptionResult(null, MapEvents(source, rootType, prepared, operation, variables!, context, cancellationToken));
    }

    private async IAsyncEnumerable<ExecutionResult> MapEvents(IAsyncEnumerable<object?> source, ObjectType rootType, PreparedDocument prepared, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?> variables, RequestContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var payload in source.WithCancellation(cancellationToken))
        {
            var collector = new FieldCollector(Schema, prepared.Fragments, variables);
            var fields = collector.Collect(rootType, operation.SelectionSet);
            var execution = new OperationExecution(Schema, Options, context, collector, prepared.Document!.Source, cancellationToken);
            yield return await Task.Run(() => execution.ExecuteEventAsync(rootType, fields, payload), cancellationToken);
        }
    }
}
