namespace KonnectES.EventStore.Daemon;

internal sealed record RebuildRequest(IProgress<RebuildProgress>? Progress, TaskCompletionSource Completion);
