using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KonnectES.EventStore;

internal sealed partial class EventStoreOptionsValidator : IValidateOptions<EventStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, EventStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("EventStoreOptions.ConnectionString is required.");
        }

        if (!SchemaName().IsMatch(options.Schema))
        {
            failures.Add($"EventStoreOptions.Schema '{options.Schema}' must be a lower-case identifier of at most 40 characters.");
        }

        if (options.ReadBatchSize < 1 || options.Daemon.PageSize < 1 || options.Daemon.RebuildPageSize < 1)
        {
            failures.Add("Batch and page sizes must be positive.");
        }

        if (options.Daemon.MaxRetries < 0)
        {
            failures.Add("EventStoreOptions.Daemon.MaxRetries must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$")]
    private static partial Regex SchemaName();
}
