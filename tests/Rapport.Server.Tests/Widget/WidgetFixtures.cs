using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Server.Live;
using Rapport.Server.Widget;

namespace Rapport.Server.Tests.Widget;

/// <summary>
/// An empty desk whose widget allows https://shop.example, lets a conversation send 3 messages per hour (so the
/// window cannot roll over during a test) and answers every visitor message with <see cref="ScriptedAssistant"/>.
/// </summary>
public abstract class WidgetDeskFixtureBase : ServerFixture
{
    public const string AllowedOrigin = "https://shop.example";
    public const int MessagesPerConversation = 3;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    protected override bool SeedDemo => false;

    protected override TimeProvider? Clock => Time;

    protected virtual int ConnectionsPerAddress => 100_000;

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--Rapport:Widget:AllowedOrigins:0", AllowedOrigin,
        "--Rapport:Widget:MessagesPerConversation", MessagesPerConversation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Rapport:Widget:MessagesPerAddress", "100000",
        "--Rapport:Widget:ConnectionsPerAddress", ConnectionsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Rapport:Widget:WindowSeconds", "3600",
        "--Rapport:FollowUps:FollowUpAfterHours", "2160",
        "--Rapport:FollowUps:QuietAfterHours", "2160",
    ];

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddScoped<IWidgetResponder, ScriptedAssistant>();
}

public sealed class WidgetDeskFixture : WidgetDeskFixtureBase
{
    public override TestDatabase Database => TestDatabase.Sqlite;
}

public sealed class WidgetDeskPostgreSqlFixture : WidgetDeskFixtureBase
{
    public override TestDatabase Database => TestDatabase.PostgreSql;
}

/// <summary>The same desk where one address may start or open only 2 chats per hour.</summary>
public sealed class WidgetTightAddressFixture : WidgetDeskFixtureBase
{
    public override TestDatabase Database => TestDatabase.Sqlite;

    protected override int ConnectionsPerAddress => 2;
}

/// <summary>Stands in for the assistant: stores one assistant reply per visitor message and publishes the change, as the real responder does.</summary>
internal sealed class ScriptedAssistant(RapportDbContext db, ConversationFeed feed, TimeProvider time) : IWidgetResponder
{
    public const string Reply = "Thanks for asking! Returns are free within 30 days of delivery.";

    public async Task RespondAsync(long conversationId, CancellationToken cancellationToken)
    {
        db.Messages.Add(new Message { ConversationId = conversationId, Author = MessageAuthor.Assistant, Body = Reply, Channel = Channel.Chat, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(new ConversationChange(conversationId));
    }
}
