namespace KonnectES.Postgres;

/// <summary>
/// Thrown when no PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) can be found,
/// neither on <c>PATH</c> nor under <c>/usr/lib/postgresql/*/bin</c>.
/// </summary>
public sealed class PostgresNotFoundException : Exception
{
    /// <summary>The message every caller sees, naming both ways out.</summary>
    public const string DefaultMessage =
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin: " +
        "install PostgreSQL 15+ or set ConnectionStrings__EventStore.";

    /// <summary>Creates the exception with <see cref="DefaultMessage"/>.</summary>
    public PostgresNotFoundException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates the exception with a custom message.</summary>
    public PostgresNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a custom message and an inner exception.</summary>
    public PostgresNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
