namespace KonnectES.DataPlane.Routing;

/// <summary>
/// The rank of a (sub-)route in the traditional_compatible router, highest first (kong/router/transform.lua
/// <c>get_priority</c>, reference §3.3): match weight, plain hosts only, header count, regex path, regex_priority,
/// prefix length; equal ranks are ordered by id descending, as the ATC router orders equal priorities by UUID.
/// </summary>
/// <remarks>
/// Kong gives the sub-routes of a split route derived UUIDs, so its order among equal-priority sub-routes of
/// different routes is arbitrary; here they keep their route's id, which is stable and deterministic. Kong packs the
/// keys into one 64-bit integer (kong/router/transform.lua); the reference notes that LuaJIT's 32-bit shifts make the
/// packed order deviate in corner cases (four or more attribute kinds, regex_priority of 1024 or more): the documented
/// order is implemented, key by key.
/// </remarks>
internal readonly record struct RoutePriority(
    int Weight, bool PlainHostsOnly, int HeaderCount, bool Regex, long RegexPriority, int PrefixLength, string Id)
    : IComparable<RoutePriority>
{
    // Kong caps the header count at 255 and masks the prefix length to 19 bits when packing the priority.
    private const int MaxHeaderCount = 255;
    private const int LengthMask = 0x7FFFF;

    /// <summary>Negative when this route ranks before <paramref name="other"/> (higher priority first).</summary>
    public int CompareTo(RoutePriority other)
    {
        var c = other.Weight.CompareTo(Weight);
        if (c == 0) { c = other.PlainHostsOnly.CompareTo(PlainHostsOnly); }
        if (c == 0) { c = Math.Min(other.HeaderCount, MaxHeaderCount).CompareTo(Math.Min(HeaderCount, MaxHeaderCount)); }
        if (c == 0) { c = other.Regex.CompareTo(Regex); }
        if (c == 0) { c = other.RegexPriority.CompareTo(RegexPriority); }
        if (c == 0) { c = (other.PrefixLength & LengthMask).CompareTo(PrefixLength & LengthMask); }
        if (c == 0) { c = string.CompareOrdinal(other.Id, Id); }
        return c;
    }
}
