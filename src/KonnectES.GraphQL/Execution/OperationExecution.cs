using System.Collections.Concurrent;
using KonnectES.GraphQL.Language;
using KonnectES.GraphQL.Language.Syntax;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Execution;

/// <summary>
/// Runs one operation (spec §6). Resolvers that complete synchronously are completed inline; async ones post
/// their completion to a work queue drained by a single logical thread, so the response tree is never shared.
/// When the queue is empty and work is still pending, DataLoader batches are dispatched: one batch per loader
/// per wave, never on a timer.
/// </summary>
internal sealed partial class OperationExecution
{
    private readonly ConcurrentQueue<Action> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly List<GraphQLError> _errors = [];
    private readonly SourceText _source;
    private int _pending;

    [ThreadStatic]
    private static OperationExecution? _draining;

    public OperationExecution(Schema schema, ExecutionOptions options, RequestContext context, FieldCollector collector, SourceText source, CancellationToken cancellationToken)
    {
        Schema = schema;
        Options = options;
        Context = context;
        Collector = collector;
        _source = source;
        CancellationToken = cancellationToken;
        Loaders = new DataLoaderScope(this);
    }

    public Schema Schema { get; }

    public ExecutionOptions Options { get; }

    public RequestContext Context { get; }

    public FieldCollector Collector { get; }

    public CancellationToken CancellationToken { get; }

    public DataLoaderScope Loaders { get; }

    public async Task<ExecutionResult> ExecuteAsync(ObjectType rootType, SelectionSetNode selectionSet, bool serially, object? rootValue)
    {
        var fields = Collector.Collect(rootType, selectionSet);
        var root = new ResultMap(fields, null, 0, false);
        if (serially)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                ExecuteField(rootType, rootValue, fields[i], root, i);
                await DrainAsync();
            }
        }
        else
        {
            for (var i = 0; i < fields.Length; i++)
            {
                ExecuteField(rootType, rootValue, fields[i], root, i);
            }

            await DrainAsync();
        }

        return new ExecutionResult(true, root.Invalidated ? null : root, _errors);
    }

    /// <summary>Completes the value of one root field for a subscription event.</summary>
    public async Task<ExecutionResult> ExecuteEventAsync(ObjectType rootType, CollectedField[] fields, object? payload)
    {
        var root = new ResultMap(fields, null, 0, false);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Definition.Resolver is null && !field.Definition.Name.StartsWith("__", StringComparison.Ordinal))
            {
                Complete(field.Definition.Type, field, payload, root, i);
            }
            else
            {
                ExecuteField(rootType, payload, field, root, i);
            }
        }

        await DrainAsync();
        return new ExecutionResult(true, root.Invalidated ? null : root, _errors);
    }

    /// <summary>Whether the calling code runs inside this execution's drain loop (so it may touch the response).</summary>
    public bool IsDraining => ReferenceEquals(_draining, this);

    /// <summary>Queues work for the execution thread; safe from any thread.</summary>
    public void Post(Action work)
    {
        _queue.Enqueue(work);
        _signal.Release();
    }

    /// <summary>Counts work that will post a completion later (an async resolver or a DataLoader batch).</summary>
    public void BeginPending() => _pending++;

    public void EndPending() => _pending--;

    private async Task DrainAsync()
    {
        while (true)
        {
            _draining = this;
            try
            {
                while (_queue.TryDequeue(out var work))
                {
                    work();
                }
            }
            finally
            {
                _draining = null;
            }

            if (Loaders.Dispatch())
            {
                continue;
            }

            if (_pending == 0 && _queue.IsEmpty)
            {
                return;
            }

            await _signal.WaitAsync(CancellationToken);
        }
    }

    private void AddError(string message, CollectedField field, ResultNode parent, int index, string? code = null)
    {
        var locations = new List<SourceLocation> { _source.GetLocation(field.Node.Start) };
        _errors.Add(new GraphQLError(message, locations, BuildPath(parent, index), code));
    }

    private static object[] BuildPath(ResultNode parent, int index)
    {
        var segments = new List<object>();
        ResultNode? node = parent;
        while (node is not null)
        {
            segments.Add(node.PathKey(index));
            index = node.IndexInParent;
            node = node.Parent;
        }

        segments.Reverse();
        return segments.ToArray();
    }

    /// <summary>Records a field error, writes null, and propagates the null up to the nearest nullable position.</summary>
    private void FieldError(ResultNode parent, int index, bool nonNull, CollectedField field, string message, string? code = null)
    {
        AddError(message, field, parent, index, code);
        parent.Set(index, null);
        if (nonNull)
        {
            PropagateNull(parent);
        }
    }

    private void FieldError(ResultNode parent, int index, bool nonNull, CollectedField field, Exception exception)
    {
        var (message, code) = exception switch
        {
            GraphQLException g => (g.Message, g.Code),
            OperationCanceledException => (Messages.Cancelled, "CANCELLED"),
            _ => (Options.IncludeExceptionDetails ? exception.Message : Messages.UnexpectedError, "INTERNAL_SERVER_ERROR"),
        };
        FieldError(parent, index, nonNull, field, message, code);
    }

    private static void PropagateNull(ResultNode node)
    {
        while (!node.Invalidated)
        {
            node.Invalidated = true;
            var parent = node.Parent;
            if (parent is null)
            {
                return;
            }

            parent.Set(node.IndexInParent, null);
            if (!node.NonNullInParent)
            {
                return;
            }

            node = parent;
        }
    }
}
