using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Messaging.TestHost;

/// <summary>The stable names of the toy messages, shared by the test host and the tests.</summary>
public static class ToyMessages
{
    public const string OrderPlacedName = "orders.order-placed";

    public static IMessagingBuilder AddToyMessageTypes(this IMessagingBuilder builder) =>
        builder.AddMessageType<OrderPlaced>(OrderPlacedName);
}
