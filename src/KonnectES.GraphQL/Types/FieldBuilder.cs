using System.Text;
using KonnectES.GraphQL.Execution;
using KonnectES.GraphQL.Language;

namespace KonnectES.GraphQL.Types;

/// <summary>Configures one code-first field: arguments, resolver, description and deprecation.</summary>
public sealed class FieldBuilder
{
    private readonly string _name;
    private readonly string _type;
    private readonly List<(string Name, string Type, string? DefaultValue, string? Description)> _arguments = [];
    private string? _description;
    private string? _deprecation;

    internal FieldBuilder(string name, string type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(type);
        _name = name;
        _type = type;
    }

    internal FieldResolver? Resolver { get; private set; }

    internal SubscriptionResolver? Subscriber { get; private set; }

    /// <summary>Sets the description shown by introspection.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Adds an argument.</summary>
    /// <param name="name">The argument name.</param>
    /// <param name="type">The input type in SDL notation, e.g. <c>ID!</c>.</param>
    /// <param name="defaultValue">An optional default, as a GraphQL literal such as <c>10</c> or <c>"x"</c>.</param>
    /// <param name="description">An optional description.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Argument(string name, string type, string? defaultValue = null, string? description = null)
    {
        _arguments.Add((name, type, defaultValue, description));
        return this;
    }

    /// <summary>Marks the field deprecated.</summary>
    /// <param name="reason">Why, and what to use instead.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Deprecated(string reason = "No longer supported")
    {
        _deprecation = reason;
        return this;
    }

    /// <summary>Sets an async resolver.</summary>
    /// <param name="resolver">The resolver.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Resolve(FieldResolver resolver)
    {
        Resolver = resolver;
        return this;
    }

    /// <summary>Sets a synchronous resolver.</summary>
    /// <param name="resolver">The resolver.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Resolve(Func<IResolverContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Resolver = context => new ValueTask<object?>(resolver(context));
        return this;
    }

    /// <summary>Sets a typed async resolver.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="resolver">The resolver.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder ResolveAsync<TResult>(Func<IResolverContext, Task<TResult>> resolver)
    {
        Resolver = Adapt(resolver);
        return this;
    }

    /// <summary>Sets the source stream of a subscription field.</summary>
    /// <param name="subscribe">Creates the stream; each event is the field's value.</param>
    /// <returns>This builder.</returns>
    public FieldBuilder Subscribe(SubscriptionResolver subscribe)
    {
        Subscriber = subscribe;
        return this;
    }

    internal static FieldResolver Adapt<TResult>(Func<IResolverContext, Task<TResult>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return context =>
        {
            var task = resolver(context);
            return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : AwaitAsync(task);
        };

        static async ValueTask<object?> AwaitAsync(Task<TResult> task) => await task;
    }

    internal void AppendSdl(StringBuilder builder)
    {
        if (_description is not null)
        {
            builder.Append("  ").Append(BlockString.Print(_description)).Append('\n');
        }

        builder.Append("  ").Append(_name);
        if (_arguments.Count > 0)
        {
            builder.Append('(');
            foreach (var (name, type, defaultValue, description) in _arguments)
            {
                if (description is not null)
                {
                    builder.Append(BlockString.Print(description)).Append(' ');
                }

                builder.Append(name).Append(": ").Append(type);
                if (defaultValue is not null)
                {
                    builder.Append(" = ").Append(defaultValue);
                }

                builder.Append(' ');
            }

            builder.Append(')');
        }

        builder.Append(": ").Append(_type);
        if (_deprecation is not null)
        {
            builder.Append(" @deprecated(reason: ").Append(Printer.PrintString(_deprecation)).Append(')');
        }

        builder.Append('\n');
    }
}
