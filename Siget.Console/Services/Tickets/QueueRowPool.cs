namespace Siget.Console.Services.Tickets;

/// <summary>
/// One object per distinct queue row for the whole server: a thousand open queues showing the same tickets hold one
/// copy of each row and, through the row markup cache keyed on the row object, one copy of its markup (about 5 KB a
/// row). Rows are held weakly: a row no screen shows any more is collected, and a changed ticket's row replaces it.
/// </summary>
public static class QueueRowPool
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, WeakReference<QueueRow>> Rows = [];
    private static int _sinceSweep;

    /// <summary>The same rows, each replaced by an equal one already in use when there is one.</summary>
    public static IReadOnlyList<QueueRow> Shared(IReadOnlyList<QueueRow> rows)
    {
        var shared = new QueueRow[rows.Count];
        lock (Gate)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                if (Rows.TryGetValue(row.Id, out var known) && known.TryGetTarget(out var kept) && kept.Equals(row))
                    shared[i] = kept;
                else
                {
                    Rows[row.Id] = new WeakReference<QueueRow>(row);
                    shared[i] = row;
                }
            }
            // Entries of collected rows are dropped now and then, not on every call.
            if ((_sinceSweep += rows.Count) > 4 * Math.Max(Rows.Count, 1_000))
            {
                _sinceSweep = 0;
                foreach (var id in Rows.Where(r => !r.Value.TryGetTarget(out _)).Select(r => r.Key).ToList()) Rows.Remove(id);
            }
        }
        return shared;
    }
}
