namespace KonnectES.GraphQL.Execution;

/// <summary>How the executor asks a DataLoader to send its queued keys as one batch.</summary>
internal interface IBatchDispatcher
{
    public bool HasPending { get; }

    public void Dispatch(OperationExecution execution);
}
