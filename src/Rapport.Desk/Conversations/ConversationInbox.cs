namespace Rapport.Desk.Conversations;

/// <summary>Inbox filters, order and keyset paging as a query (each order has its index: ConversationConfiguration).</summary>
internal static class ConversationInbox
{
    public static IQueryable<Conversation> Apply(IQueryable<Conversation> source, ConversationQuery query)
    {
        if (query.Status is { } status)
        {
            source = source.Where(c => c.Status == status);
        }

        if (query.Channel is { } channel)
        {
            source = source.Where(c => c.Channel == channel);
        }

        if (query.AssigneeId is { } assignee)
        {
            source = source.Where(c => c.AssigneeId == assignee);
        }

        if (query.TeamId is { } team)
        {
            source = source.Where(c => c.Assignee != null && c.Assignee.TeamId == team);
        }

        if (query.VisibleTo is { } visible)
        {
            var agent = visible.AgentId;
            if (visible.TeamId is { } leadTeam)
            {
                source = source.Where(c => c.AssigneeId == null || c.AssigneeId == agent || (c.Assignee != null && c.Assignee.TeamId == leadTeam));
            }
            else
            {
                source = source.Where(c => c.AssigneeId == null || c.AssigneeId == agent);
            }
        }

        if (query.MinEscalationRisk is { } minRisk)
        {
            source = source.Where(c => c.EscalationRisk >= minRisk);
        }

        if (query.Label is { } label)
        {
            // SQLite: json_each over the JSON array; PostgreSQL: = ANY over text[].
            source = source.Where(c => c.Labels.Contains(label));
        }

        var cursor = query.Cursor is { } c0 && c0.Sort == query.Sort ? c0 : null;
        switch (query.Sort)
        {
            case ConversationSort.Newest:
                if (cursor is not null)
                {
                    var at = FromCursorKey(cursor.Key);
                    source = source.Where(c => c.CreatedAt < at || (c.CreatedAt == at && c.Id < cursor.Id));
                }

                return source.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);

            case ConversationSort.Waiting:
                source = source.Where(c => c.WaitingSince != null);
                if (cursor is not null)
                {
                    DateTimeOffset? at = FromCursorKey(cursor.Key);
                    source = source.Where(c => c.WaitingSince > at || (c.WaitingSince == at && c.Id > cursor.Id));
                }

                return source.OrderBy(c => c.WaitingSince).ThenBy(c => c.Id);

            default:
                if (cursor is not null)
                {
                    var key = cursor.Key;
                    source = source.Where(c => c.Priority < key || (c.Priority == key && c.Id < cursor.Id));
                }

                return source.OrderByDescending(c => c.Priority).ThenByDescending(c => c.Id);
        }
    }

    public static ConversationCursor CursorAfter(Conversation last, ConversationSort sort) => sort switch
    {
        ConversationSort.Newest => new(sort, ToCursorKey(last.CreatedAt), last.Id),
        ConversationSort.Waiting => new(sort, last.WaitingSince is { } waiting ? ToCursorKey(waiting) : 0, last.Id),
        _ => new(sort, last.Priority, last.Id),
    };

    // Timestamp keys are Unix microseconds: PostgreSQL keeps microseconds (SQLite milliseconds), and a key cut coarser
    // than the stored value would repeat or skip rows at a page boundary. Microseconds stay exact in a double until 2255.
    private static double ToCursorKey(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static DateTimeOffset FromCursorKey(double key)
    {
        // A hand-made key outside DateTimeOffset's range pages from that end instead of failing.
        var min = (DateTimeOffset.MinValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
        var max = (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
        var micros = key <= min ? min : key >= max ? max : (long)key;
        return DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);
    }
}
