namespace KonnectES.GraphQL.Execution;

/// <summary>The DataLoaders of one request; dispatched by the executor when it runs out of ready work.</summary>
internal sealed class DataLoaderScope(OperationExecution execution)
{
    private readonly Dictionary<Type, IDataLoader> _loaders = [];
    private readonly List<IBatchDispatcher> _dispatchers = [];
    private readonly Lock _lock = new();

    public TLoader Get<TLoader>(Func<IServiceProvider, TLoader> create, IServiceProvider services)
        where TLoader : class, IDataLoader
    {
        lock (_lock)
        {
            if (_loaders.TryGetValue(typeof(TLoader), out var existing))
            {
                return (TLoader)existing;
            }

            var loader = create(services);
            _loaders[typeof(TLoader)] = loader;
            if (loader is IBatchDispatcher dispatcher)
            {
                _dispatchers.Add(dispatcher);
            }

            return loader;
        }
    }

    /// <summary>Sends one batch per loader that has queued keys; false when none had.</summary>
    public bool Dispatch()
    {
        IBatchDispatcher[] dispatchers;
        lock (_lock)
        {
            if (_dispatchers.Count == 0)
            {
                return false;
            }

            dispatchers = _dispatchers.ToArray();
        }

        var any = false;
        foreach (var dispatcher in dispatchers)
        {
            if (dispatcher.HasPending)
            {
                dispatcher.Dispatch(execution);
                any = true;
            }
        }

        return any;
    }
}
