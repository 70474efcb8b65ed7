using System.Runtime.CompilerServices;

namespace KonnectES.GraphQL.Tests.Support;

/// <summary>An endless source stream that counts how often it was disposed (unsubscribed).</summary>
public static class Ticks
{
    private static int _disposed;

    public static int Disposed => Volatile.Read(ref _disposed);

    public static async IAsyncEnumerable<object?> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                yield return i;
                await Task.Delay(20, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Increment(ref _disposed);
        }
    }
}
