namespace KonnectES.GraphQL.Execution;

/// <summary>The Relay paging arguments <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c>, checked.</summary>
/// <param name="First">Forward page size.</param>
/// <param name="After">Start after this cursor.</param>
/// <param name="Last">Backward page size.</param>
/// <param name="Before">End before this cursor.</param>
public sealed record ConnectionArguments(int? First, string? After, int? Last, string? Before)
{
    /// <summary>Reads and checks the paging arguments of a connection field.</summary>
    /// <param name="context">The resolver context.</param>
    /// <param name="maxPageSize">The largest page a client may ask for.</param>
    /// <returns>The arguments.</returns>
    /// <exception cref="GraphQLException">A count is negative or too large, or both first and last are given.</exception>
    public static ConnectionArguments From(IResolverContext context, int maxPageSize = 100)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = new ConnectionArguments(
            context.Argument<int?>("first"), context.Argument<string?>("after"), context.Argument<int?>("last"), context.Argument<string?>("before"));
        arguments.Validate(maxPageSize);
        return arguments;
    }

    /// <summary>Rejects negative counts, counts above the cap, and first together with last.</summary>
    /// <param name="maxPageSize">The largest page a client may ask for.</param>
    public void Validate(int maxPageSize)
    {
        if (First is not null && Last is not null)
        {
            throw new GraphQLException(Messages.FirstAndLast, "BAD_USER_INPUT");
        }

        foreach (var (name, value) in new[] { ("first", First), ("last", Last) })
        {
            if (value < 0)
            {
                throw new GraphQLException(Messages.NegativeCount(name), "BAD_USER_INPUT");
            }

            if (value > maxPageSize)
            {
                throw new GraphQLException(Messages.PageTooLarge(name, maxPageSize), "BAD_USER_INPUT");
            }
        }
    }
}
