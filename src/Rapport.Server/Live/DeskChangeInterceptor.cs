using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Desk.Notifications;
using Rapport.Desk.Promises;

namespace Rapport.Server.Live;

/// <summary>
/// Tells open pages about changes made outside a request they see, above all by the due-work sweep: new or read
/// notifications (<see cref="NotificationFeed"/>) and promises reminded, broken or kept (<see cref="ConversationFeed"/>,
/// for the customer panel). Collected when a save succeeds and published after the commit (at once for a save without
/// an explicit transaction), so a page that reloads sees the committed rows; a rolled-back transaction publishes
/// nothing. Publishing too often only costs a reload; never publishing would leave a bell stale.
/// </summary>
internal sealed class DeskChangeInterceptor(NotificationFeed notifications, ConversationFeed conversations) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData?.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Discard(eventData?.Context, saveOnly: true);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData?.Context, saveOnly: true);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData?.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData?.Context, saveOnly: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData?.Context, saveOnly: false);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        HashSet<long>? agents = null;
        HashSet<long>? touched = null;
        foreach (var entry in context.ChangeTracker.Entries<Notification>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                (agents ??= []).Add(entry.Entity.AgentId);
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<Promise>())
        {
            if (entry.State == EntityState.Modified)
            {
                (touched ??= []).Add(entry.Entity.ConversationId);
            }
        }

        if (agents is null && touched is null)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        lock (pending)
        {
            pending.SaveAgents.UnionWith(agents ?? []);
            pending.SaveConversations.UnionWith(touched ?? []);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        lock (pending)
        {
            pending.Agents.UnionWith(pending.SaveAgents);
            pending.Conversations.UnionWith(pending.SaveConversations);
            pending.SaveAgents.Clear();
            pending.SaveConversations.Clear();
        }

        if (context.Database.CurrentTransaction is null)
        {
            Publish(context);
        }
    }

    private void Discard(DbContext? context, bool saveOnly)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        lock (pending)
        {
            pending.SaveAgents.Clear();
            pending.SaveConversations.Clear();
            if (!saveOnly)
            {
                pending.Agents.Clear();
                pending.Conversations.Clear();
            }
        }
    }

    private void Publish(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        long[] agents;
        long[] touched;
        lock (pending)
        {
            agents = [.. pending.Agents];
            touched = [.. pending.Conversations];
            pending.Agents.Clear();
            pending.Conversations.Clear();
        }

        if (agents.Length > 0)
        {
            notifications.Publish(new NotificationChange(agents.ToHashSet()));
        }

        // One conversation: its pages reload; several (a sweep batch): one "anything" change, not a reload per row.
        if (touched.Length > 0)
        {
            conversations.Publish(new ConversationChange(touched.Length == 1 ? touched[0] : null));
        }
    }

    private sealed class Pending
    {
        public HashSet<long> SaveAgents { get; } = [];

        public HashSet<long> SaveConversations { get; } = [];

        public HashSet<long> Agents { get; } = [];

        public HashSet<long> Conversations { get; } = [];
    }
}
