using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using KonnectES.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.GraphQL.Execution;

/// <summary>The context handed to one resolver call.</summary>
internal sealed class ResolverContext(OperationExecution execution, ObjectType parentType, object? parent, CollectedField collected, IReadOnlyDictionary<string, object?> arguments)
    : IResolverContext
{
    private static readonly JsonSerializerOptions BindingOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public object? Parent { get; } = parent;

    public string FieldName => collected.Definition.Name;

    public string TypeName => parentType.Name;

    public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments;

    public IServiceProvider Services => execution.Context.Services;

    public ClaimsPrincipal? User => execution.Context.User;

    public IDictionary<string, object?> Items => execution.Context.Items;

    public CancellationToken CancellationToken => execution.CancellationToken;

    public T GetParent<T>() => (T)Parent!;

    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    public T Argument<T>(string name) => Convert<T>(Arguments.TryGetValue(name, out var value) ? value : null);

    public TLoader DataLoader<TLoader>()
        where TLoader : class, IDataLoader => execution.Loaders.Get<TLoader>(
            static services => ActivatorUtilities.CreateInstance<TLoader>(services), Services);

    internal static T Convert<T>(object? value)
    {
        if (value is null)
        {
            return default!;
        }

        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum && value is string s)
        {
            return (T)JsonSerializer.Deserialize(JsonSerializer.Serialize(s), target, BindingOptions)!;
        }

        if (target == typeof(string))
        {
            return (T)(object)System.Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        if (target == typeof(Guid) && value is string g)
        {
            return (T)(object)Guid.Parse(g, CultureInfo.InvariantCulture);
        }

        return JsonSerializer.SerializeToElement(value, BindingOptions).Deserialize<T>(BindingOptions)!;
    }
}
