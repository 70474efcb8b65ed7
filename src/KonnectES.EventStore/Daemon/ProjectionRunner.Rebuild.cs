using KonnectES.EventStore.Storage;
using Npgsql;

namespace KonnectES.EventStore.Daemon;

internal sealed partial class ProjectionRunner
{
    private async Task RebuildOwnedAsync(NpgsqlConnection session, RebuildRequest request, CancellationToken cancellationToken)
    {
        try
        {
            long total;
            await using (var count = new NpgsqlCommand(store.Sql.CountVisible, session))
            {
                total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            }

            await using (var transaction = await session.BeginTransactionAsync(cancellationToken))
            {
                var context = new ProjectionContext(session, transaction, isRebuild: true);
                try
                {
                    await projection.ResetAsync(context, cancellationToken);
                    await context.FlushAsync(cancellationToken);
                }
                finally
                {
                    await context.DisposeBatchAsync();
                }

                await SaveProgressAsync(session, transaction, Position.Start, isRebuild: true, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            Checkpoint = Position.Start;
            long processed = 0;
            request.Progress?.Report(new RebuildProgress(Name, 0, total));

            // Read the next page on a pooled connection while this one applies the current page.
            var size = Options.RebuildPageSize;
            var page = await store.ReadPageAsync(store.DataSource, Position.Start, size, cancellationToken);
            while (page.Count > 0)
            {
                Task<List<StoredEvent>> next = page.Count < size
                    ? Task.FromResult(new List<StoredEvent>())
                    : store.ReadPageAsync(store.DataSource, page[^1].Position, size, cancellationToken);
                await ProcessPageAsync(session, page, isRebuild: true, cancellationToken);
                processed += page.Count;
                request.Progress?.Report(new RebuildProgress(Name, processed, Math.Max(total, processed)));
                page = await next;
            }

            await SaveProgressAsync(session, null, Checkpoint, isRebuild: false, cancellationToken);
            EventStoreLog.Rebuilt(logger, Name, processed);
            request.Completion.TrySetResult();
        }
        catch (Exception exception)
        {
            request.Completion.TrySetException(exception);
            throw;
        }
    }
}
