using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// bot-detection (priority 2500): a User-Agent matching <c>allow</c> passes; one matching <c>deny</c> or one of
/// Kong's known bots (<see cref="BotDetectionRules"/>) gets 403 <c>Forbidden</c>; two User-Agent headers get 400
/// (kong/plugins/bot-detection/handler.lua).
/// </summary>
internal sealed class BotDetectionPlugin : KongPlugin
{
    private const int CacheLimit = 10_000;
    private readonly ImmutableArray<Regex> _allow;
    private readonly ImmutableArray<Regex> _deny;
    private readonly ConcurrentDictionary<string, bool> _verdicts = new(StringComparer.Ordinal);

    public BotDetectionPlugin(PluginConfig config)
    {
        _allow = Compile(config, "allow");
        _deny = Compile(config, "deny");
    }

    public override string Name => "bot-detection";

    public override int Priority => 2500;

    public override ValueTask AccessAsync(PluginContext context, CancellationToken cancellationToken)
    {
        var agents = context.Http.Request.Headers.UserAgent;
        if (agents.Count > 1)
        {
            context.Error(400, "Only one User-Agent header allowed");
        }
        else if (agents.Count == 1 && agents[0] is { } agent && IsBlocked(agent.Trim()))
        {
            context.Error(403, "Forbidden");
        }

        return ValueTask.CompletedTask;
    }

    private bool IsBlocked(string agent)
    {
        if (_verdicts.TryGetValue(agent, out var blocked))
        {
            return blocked;
        }

        blocked = !_allow.Any(r => Matches(r, agent)) && (_deny.Any(r => Matches(r, agent)) || BotDetectionRules.Bots.Any(r => Matches(r, agent)));
        if (_verdicts.Count < CacheLimit)
        {
            _verdicts[agent] = blocked;
        }

        return blocked;
    }

    private static bool Matches(Regex regex, string agent)
    {
        try
        {
            return regex.IsMatch(agent);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static ImmutableArray<Regex> Compile(PluginConfig config, string field) =>
    [
        .. config.Strings(field).Select(pattern =>
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                throw config.Error(field, "not a valid regex: " + pattern);
            }
        }),
    ];
}
