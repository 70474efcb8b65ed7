using System.Collections.Concurrent;
using KonnectES.Messaging.Storage;

namespace KonnectES.Messaging.Runtime;

/// <summary>
/// Remembers the last <see cref="Capacity"/> outcomes of this node so waits started after the fact still complete.
/// </summary>
internal sealed class MessageTracker(MessagingDatabase database, NodeState node) : IMessageTracker
{
    public const int Capacity = 65_536;

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<HandledMessage>> _handled = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<DeadLetter>> _dead = new();
    private readonly ConcurrentQueue<Guid> _order = new();
    private long _handledCount;

    public long HandledCount => Interlocked.Read(ref _handledCount);

    public Task<HandledMessage> WaitForHandledAsync(Guid messageId, CancellationToken cancellationToken = default) =>
        Source(_handled, messageId).Task.WaitAsync(cancellationToken);

    public Task<DeadLetter> WaitForDeadLetterAsync(Guid messageId, CancellationToken cancellationToken = default) =>
        Source(_dead, messageId).Task.WaitAsync(cancellationToken);

    public async Task WaitForOutboxDrainedAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var cycle = node.RelayCycle.Next;
            await using (var command = database.DataSource.CreateCommand(database.Sql.OutboxEmpty))
            {
                if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                {
                    return;
                }
            }

            await cycle.WaitAsync(cancellationToken);
        }
    }

    public void Handled(HandledMessage message)
    {
        Interlocked.Increment(ref _handledCount);
        Source(_handled, message.MessageId).TrySetResult(message);
    }

    public void DeadLettered(DeadLetter deadLetter) => Source(_dead, deadLetter.MessageId).TrySetResult(deadLetter);

    private TaskCompletionSource<T> Source<T>(ConcurrentDictionary<Guid, TaskCompletionSource<T>> map, Guid messageId)
    {
        var added = false;
        var source = map.GetOrAdd(messageId, _ =>
        {
            added = true;
            return new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        });
        if (added)
        {
            _order.Enqueue(messageId);
            while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                // Only forget outcomes nobody waits for any more.
                if (_handled.TryGetValue(oldest, out var h) && h.Task.IsCompleted)
                {
                    _handled.TryRemove(oldest, out _);
                }

                if (_dead.TryGetValue(oldest, out var d) && d.Task.IsCompleted)
                {
                    _dead.TryRemove(oldest, out _);
                }
            }
        }

        return source;
    }
}
