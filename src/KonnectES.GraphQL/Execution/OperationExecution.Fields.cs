using System.Collections;
using System.Runtime.CompilerServices;
using KonnectES.GraphQL.Types;

namespace KonnectES.GraphQL.Execution;

internal sealed partial class OperationExecution
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    // ExecuteField (spec §6.4): coerce arguments, resolve, complete.
    private void ExecuteField(ObjectType parentType, object? source, CollectedField field, ResultNode parent, int index)
    {
        var definition = field.Definition;
        var nonNull = definition.Type.IsNonNull;
        if (definition.Resolver is null)
        {
            object? value;
            try
            {
                value = field.ReadDefault(source);
            }
            catch (Exception e)
            {
                FieldError(parent, index, nonNull, field, e);
                return;
            }

            Complete(definition.Type, field, value, parent, index);
            return;
        }

        var arguments = ArgumentsOf(field);
        if (field.ArgumentError is not null)
        {
            FieldError(parent, index, nonNull, field, field.ArgumentError, "BAD_USER_INPUT");
            return;
        }

        var context = new ResolverContext(this, parentType, source, field, arguments!);
        ValueTask<object?> task;
        try
        {
            task = definition.Resolver(context);
        }
        catch (Exception e)
        {
            FieldError(parent, index, nonNull, field, e);
            return;
        }

        if (task.IsCompletedSuccessfully)
        {
            Complete(definition.Type, field, task.Result, parent, index);
            return;
        }

        AwaitField(task, field, parent, index);
    }

    // Kept out of ExecuteField: a lambda capturing its parameters would allocate a closure on every call.
    private void AwaitField(ValueTask<object?> task, CollectedField field, ResultNode parent, int index)
    {
        BeginPending();
        var awaiter = task.GetAwaiter();
        awaiter.UnsafeOnCompleted(() => OnFieldResolved(awaiter, field, parent, index));
    }

    private void OnFieldResolved(ValueTaskAwaiter<object?> awaiter, CollectedField field, ResultNode parent, int index)
    {
        object? value = null;
        Exception? error = null;
        try
        {
            value = awaiter.GetResult();
        }
        catch (Exception e)
        {
            error = e;
        }

        // Resumed inline by a DataLoader batch completing on the drain loop: complete right here.
        if (IsDraining)
        {
            CompleteAwaited(field, parent, index, value, error);
        }
        else
        {
            Post(() => CompleteAwaited(field, parent, index, value, error));
        }
    }

    private void CompleteAwaited(CollectedField field, ResultNode parent, int index, object? value, Exception? error)
    {
        EndPending();
        if (error is not null)
        {
            FieldError(parent, index, field.Definition.Type.IsNonNull, field, error);
        }
        else
        {
            Complete(field.Definition.Type, field, value, parent, index);
        }
    }

    internal IReadOnlyDictionary<string, object?>? ArgumentsOf(CollectedField field)
    {
        if (field.Arguments is not null || field.ArgumentError is not null)
        {
            return field.Arguments;
        }

        var definitions = field.Definition.ArgumentList;
        if (definitions.Count == 0)
        {
            return field.Arguments = NoArguments;
        }

        var result = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            object? value = InputCoercion.Undefined;
            foreach (var argument in field.Node.Arguments)
            {
                if (argument.Name != definition.Name)
                {
                    continue;
                }

                if (!InputCoercion.TryCoerceLiteral(argument.Value, definition.Type, Collector.Variables, out value, out var error))
                {
                    field.ArgumentError = Messages.InvalidArgument(definition.Name, error);
                    return null;
                }

                break;
            }

            if (ReferenceEquals(value, InputCoercion.Undefined))
            {
                if (definition.HasDefault)
                {
                    result[definition.Name] = definition.DefaultValue;
                }
                else if (definition.Type.IsNonNull)
                {
                    field.ArgumentError = Messages.MissingArgument(field.ParentType.Name, field.Definition.Name, definition.Name);
                    return null;
                }

                continue;
            }

            result[definition.Name] = value;
        }

        return field.Arguments = result;
    }

    // CompleteValue (spec §6.4.3)
    private void Complete(GraphType type, CollectedField field, object? value, ResultNode parent, int index)
    {
        var nonNull = false;
        if (type is NonNullType nonNullType)
        {
            nonNull = true;
            type = nonNullType.OfType;
        }

        if (value is null)
        {
            if (nonNull)
            {
                FieldError(parent, index, true, field, Messages.NullForNonNull(field.ParentType.Name, field.Definition.Name));
            }
            else
            {
                parent.Set(index, null);
            }

            return;
        }

        switch (type)
        {
            case ScalarGraphType scalar:
                object? serialized;
                try
                {
                    serialized = scalar.Scalar.Serialize(value);
                }
                catch (Exception e)
                {
                    FieldError(parent, index, nonNull, field, e is GraphQLException ? e : new GraphQLException(Messages.ScalarCannotRepresent(scalar.Name, value.ToString() ?? string.Empty)));
                    return;
                }

                parent.Set(index, serialized);
                return;
            case EnumType enumType:
                var name = enumType.Serialize(value);
                if (name is null)
                {
                    FieldError(parent, index, nonNull, field, Messages.EnumCannotRepresent(enumType.Name, value.ToString() ?? string.Empty));
                    return;
                }

                parent.Set(index, name);
                return;
            case ListType listType:
                CompleteList(listType, field, value, parent, index, nonNull);
                return;
            default:
                var objectType = type as ObjectType ?? ResolveAbstractType((NamedType)type, value);
                if (objectType is null)
                {
                    FieldError(parent, index, nonNull, field, Messages.AbstractTypeUnresolved(type.ToString(), field.ParentType.Name, field.Definition.Name));
                    return;
                }

                var subFields = field.SubFields(objectType, Collector);
                var map = new ResultMap(subFields, parent, index, nonNull);
                parent.Set(index, map);
                for (var i = 0; i < subFields.Length; i++)
                {
                    ExecuteField(objectType, value, subFields[i], map, i);
                }

                return;
        }
    }

    private void CompleteList(ListType listType, CollectedField field, object value, ResultNode parent, int index, bool nonNull)
    {
        if (value is string || value is not IEnumerable enumerable)
        {
            FieldError(parent, index, nonNull, field, Messages.ExpectedIterable(field.ParentType.Name, field.Definition.Name));
            return;
        }

        if (value is IList list)
        {
            var result = new ResultList(list.Count, parent, index, nonNull);
            parent.Set(index, result);
            for (var i = 0; i < list.Count && !result.Invalidated; i++)
            {
                Complete(listType.OfType, field, list[i], result, i);
            }

            return;
        }

        var items = new List<object?>();
        foreach (var item in enumerable)
        {
            items.Add(item);
        }

        CompleteList(listType, field, items, parent, index, nonNull);
    }
}
