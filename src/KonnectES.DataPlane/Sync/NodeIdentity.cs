using System.Globalization;

namespace KonnectES.DataPlane.Sync;

/// <summary>The data plane's node id, kept in <c>&lt;data dir&gt;/node_id</c> so that it survives restarts.</summary>
internal static class NodeIdentity
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "node_id";

    /// <summary>The persisted id; a new one is created and written (atomically) when there is none or it is unreadable.</summary>
    public static Guid LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path) && Guid.TryParse(File.ReadAllText(path).Trim(), out var existing))
        {
            return existing;
        }

        Directory.CreateDirectory(dataDirectory);
        var id = Guid.NewGuid();
        var temporary = path + ".tmp-" + id.ToString("N", CultureInfo.InvariantCulture);
        File.WriteAllText(temporary, id.ToString("D", CultureInfo.InvariantCulture) + "\n");
        File.Move(temporary, path, overwrite: true);
        return id;
    }
}
