using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rapport.Desk.Agents;
using Rapport.Desk.ApiKeys;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Recognition;
using Rapport.Desk.Surveys;
using Rapport.Desk.Scheduling;
using Rapport.Desk.Sla;
using Rapport.Desk.Knowledge;
using Rapport.Desk.Training;

namespace Rapport.Desk.Data;

/// <summary>The desk's database. Provider-neutral: migrations live in one assembly per provider.</summary>
public sealed class RapportDbContext(DbContextOptions<RapportDbContext> options) : DbContext(options)
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<MessageReading> MessageReadings => Set<MessageReading>();

    public DbSet<MessageReview> MessageReviews => Set<MessageReview>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<TrainingAttempt> TrainingAttempts => Set<TrainingAttempt>();

    public DbSet<TrainingAssignment> TrainingAssignments => Set<TrainingAssignment>();

    public DbSet<StoredScenario> TrainingScenarios => Set<StoredScenario>();

    public DbSet<Analytics.EmpathyDaily> EmpathyDaily => Set<Analytics.EmpathyDaily>();

    public DbSet<Analytics.EmotionDaily> EmotionDaily => Set<Analytics.EmotionDaily>();

    public DbSet<Analytics.ResponseDaily> ResponseDaily => Set<Analytics.ResponseDaily>();

    public DbSet<Analytics.SurveyDaily> SurveyDaily => Set<Analytics.SurveyDaily>();

    public DbSet<Analytics.PromiseDaily> PromiseDaily => Set<Analytics.PromiseDaily>();

    public DbSet<Analytics.ConversationEmpathy> ConversationEmpathy => Set<Analytics.ConversationEmpathy>();

    public DbSet<Analytics.AnalyticsWatermark> AnalyticsWatermarks => Set<Analytics.AnalyticsWatermark>();

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<DueWork> DueWork => Set<DueWork>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<TeamHours> TeamHours => Set<TeamHours>();

    public DbSet<SlaClock> SlaClocks => Set<SlaClock>();

    public DbSet<SlaOutcome> SlaOutcomes => Set<SlaOutcome>();

    public DbSet<SlaAlert> SlaAlerts => Set<SlaAlert>();

    public DbSet<KnowledgeArticle> KnowledgeArticles => Set<KnowledgeArticle>();

    public DbSet<Promises.Promise> Promises => Set<Promises.Promise>();

    public DbSet<FollowUps.FollowUp> FollowUps => Set<FollowUps.FollowUp>();

    public DbSet<FollowUps.TeamFollowUpSettings> TeamFollowUpSettings => Set<FollowUps.TeamFollowUpSettings>();

    public DbSet<Kudos> Kudos => Set<Kudos>();

    public DbSet<Assistant.AssistantAnswer> AssistantAnswers => Set<Assistant.AssistantAnswer>();

    public DbSet<Assistant.HandOff> HandOffs => Set<Assistant.HandOff>();

    public DbSet<KudosSuggestionDecision> KudosSuggestionDecisions => Set<KudosSuggestionDecision>();

    public DbSet<Widget.WidgetSession> WidgetSessions => Set<Widget.WidgetSession>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    /// <summary>
    /// True while the bulk import saves a batch: the import keeps that batch's SLA clocks and follow-ups itself, from the
    /// messages' timestamps (<c>Importing/ImportTimers</c>, docs/import.md), so the save interceptors, which measure
    /// from the moment of the save, leave that save alone.
    /// </summary>
    internal bool ImportKeepsTimers { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RapportDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Enums as their names: readable in the database and stable when members are added.
        configurationBuilder.Properties<Channel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ConversationStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MessageAuthor>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AgentRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ApiKeyScope>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SlaPriority>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SlaResponseKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SlaAlertKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Assistant.AssistantReplyKind>().HaveConversion<string>().HaveMaxLength(16);

        // SQLite cannot compare or order DateTimeOffset values; Unix milliseconds (UTC) sort and compare as numbers.
        // PostgreSQL keeps its native timestamptz.
        if (Database.ProviderName == SqliteProvider)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        }
    }

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}
