using Npgsql;

namespace KonnectES.EventStore.Daemon;

internal sealed partial class ProjectionRunner
{
    private Task<DecodedEvent[]> ReadDecodedAsync(Position after, int size, CancellationToken cancellationToken) =>
        Task.Run(async () => Decode(await store.ReadPageAsync(store.DataSource, after, size, cancellationToken)), cancellationToken);

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

            // Read and deserialise the next page (pooled connection, another thread) while this session applies the current one.
            var size = Options.RebuildPageSize;
            var page = await ReadDecodedAsync(Position.Start, size, cancellationToken);
            while (page.Length > 0)
            {
                var next = page.Length < size
                    ? Task.FromResult(Array.Empty<DecodedEvent>())
                    : ReadDecodedAsync(page[^1].Stored.Position, size, cancellationToken);
                await ProcessPageAsync(session, page, isRebuild: true, cancellationToken);
                processed += page.Length;
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
