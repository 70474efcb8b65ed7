using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KonnectES.Messaging;

internal sealed partial class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("MessagingOptions.ConnectionString is required.");
        }

        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            failures.Add($"MessagingOptions.Schema '{options.Schema}' must be a lower-case identifier of at most 40 characters.");
        }

        if (string.IsNullOrWhiteSpace(options.NodeName))
        {
            failures.Add("MessagingOptions.NodeName is required.");
        }

        if (options.SerializerOptions is null)
        {
            failures.Add("MessagingOptions.SerializerOptions is required.");
        }

        Positive(failures, "Relay.PollInterval", options.Relay.PollInterval);
        Positive(failures, "Relay.ClaimLease", options.Relay.ClaimLease);
        Positive(failures, "Relay.InboxRetention", options.Relay.InboxRetention);
        Positive(failures, "Relay.BroadcastRetention", options.Relay.BroadcastRetention);
        Positive(failures, "Relay.DeadLetterRetention", options.Relay.DeadLetterRetention);
        Positive(failures, "Retry.InitialDelay", options.Retry.InitialDelay);
        Positive(failures, "Nodes.HeartbeatInterval", options.Nodes.HeartbeatInterval);
        if (options.Relay.BatchSize is < 1 or > 10_000)
        {
            failures.Add("MessagingOptions.Relay.BatchSize must be between 1 and 10000.");
        }

        if (options.Retry.MaxAttempts < 1)
        {
            failures.Add("MessagingOptions.Retry.MaxAttempts must be at least 1.");
        }

        if (options.Retry.MaxDelay < options.Retry.InitialDelay)
        {
            failures.Add("MessagingOptions.Retry.MaxDelay must not be shorter than InitialDelay.");
        }

        if (options.Nodes.StaleAfter <= options.Nodes.HeartbeatInterval)
        {
            failures.Add("MessagingOptions.Nodes.StaleAfter must be longer than HeartbeatInterval.");
        }

        if (options.Relay.ClaimLease <= options.Nodes.HeartbeatInterval)
        {
            failures.Add("MessagingOptions.Relay.ClaimLease must be longer than Nodes.HeartbeatInterval, which renews it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"MessagingOptions.{name} must be positive.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$")]
    private static partial Regex SchemaName();
}
