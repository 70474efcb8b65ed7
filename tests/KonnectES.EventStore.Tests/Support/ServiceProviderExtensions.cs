using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.EventStore.Tests.Support;

public static class ServiceProviderExtensions
{
    public static T GetProjection<T>(this IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}
