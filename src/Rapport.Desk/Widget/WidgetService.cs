using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;

namespace Rapport.Desk.Widget;

/// <summary>
/// The website chat widget's side of the desk: starts a chat (an anonymous customer and a chat conversation with a
/// token), opens a token, and reads the history a visitor may see. Messages themselves go through
/// <see cref="ConversationService"/> like every other channel.
/// </summary>
public sealed class WidgetService(RapportDbContext db, TimeProvider time, IOptions<WidgetOptions> options)
{
    /// <summary>The customer's name when the visitor gives none.</summary>
    public const string AnonymousName = "Website visitor";

    /// <summary>The label every widget conversation carries, so the inbox can filter them.</summary>
    public const string Label = "website-chat";

    /// <summary>Creates a customer (a new one each time: an e-mail typed into a public form proves nothing, so it is
    /// never matched to an existing customer) and an open chat conversation, and returns the only copy of its token.</summary>
    public async Task<StartedChat> StartAsync(string? name, string? email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var customer = new Customer { Name = string.IsNullOrWhiteSpace(name) ? AnonymousName : name.Trim(), Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(), CreatedAt = now };
        var conversation = new Conversation
        {
            Customer = customer,
            Channel = Channel.Chat,
            Subject = "Website chat",
            Status = ConversationStatus.Open,
            CreatedAt = now,
            PriorityReason = "no messages yet",
            Labels = [Label],
        };
        var token = WidgetTokens.NewToken();
        var session = new WidgetSession { TokenHash = WidgetTokens.Hash(token), CreatedAt = now, ExpiresAt = now + options.Value.TokenLifetime };
        db.Customers.Add(customer);
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        session.ConversationId = conversation.Id;
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new StartedChat(conversation.Id, token, session.ExpiresAt);
    }

    /// <summary>The conversation <paramref name="token"/> opens; Unknown for a malformed, tampered or revoked token.</summary>
    public async Task<WidgetAccess> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is null || !WidgetTokens.IsWellFormed(token))
        {
            return new WidgetAccess(WidgetTokenState.Unknown, 0);
        }

        var hash = WidgetTokens.Hash(token);
        var session = await db.WidgetSessions.AsNoTracking()
            .Where(s => s.TokenHash == hash)
            .Select(s => new { s.ConversationId, s.ExpiresAt })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return new WidgetAccess(WidgetTokenState.Unknown, 0);
        }

        return session.ExpiresAt <= time.GetUtcNow()
            ? new WidgetAccess(WidgetTokenState.Expired, 0)
            : new WidgetAccess(WidgetTokenState.Valid, session.ConversationId);
    }

    /// <summary>
    /// The conversation's messages the visitor may see with an id above <paramref name="afterId"/>, oldest first: the
    /// latest <see cref="WidgetOptions.HistoryLimit"/> of them. Customer, assistant and agent messages only; notes
    /// live in their own table and never come here.
    /// </summary>
    public async Task<IReadOnlyList<WidgetMessage>> MessagesAsync(long conversationId, long afterId, CancellationToken cancellationToken)
    {
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Id > afterId
                && (m.Author == MessageAuthor.Customer || m.Author == MessageAuthor.Assistant || m.Author == MessageAuthor.Agent))
            .OrderByDescending(m => m.Id)
            .Take(options.Value.HistoryLimit)
            .Select(m => new
            {
                m.Id,
                m.Author,
                AgentName = m.Author == MessageAuthor.Agent ? db.Agents.Where(a => a.Id == m.AgentId).Select(a => a.Name).FirstOrDefault() : null,
                m.Body,
                m.CreatedAt,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        rows.Reverse();
        return [.. rows.Select(r => new WidgetMessage(r.Id, r.Author, FirstName(r.AgentName), r.Body, r.CreatedAt))];
    }

    /// <summary>The customer message of the conversation stored under <paramref name="externalId"/>, or null.</summary>
    public async Task<WidgetMessage?> FindAsync(long conversationId, string externalId, CancellationToken cancellationToken)
    {
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.ExternalId == externalId && m.Author == MessageAuthor.Customer)
            .Select(m => new { m.Id, m.Body, m.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return message is null ? null : new WidgetMessage(message.Id, MessageAuthor.Customer, null, message.Body, message.CreatedAt);
    }

    /// <summary>Staff are shown to visitors by first name, as on the survey page.</summary>
    internal static string? FirstName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries)[0];
}
