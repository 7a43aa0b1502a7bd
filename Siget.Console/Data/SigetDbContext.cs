using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Siget.Core.Catalog;
using Siget.Core.Tickets;

namespace Siget.Console.Data;

/// <summary>
/// SIGET's one database context. Each provider has a derived type (<see cref="SqliteSigetDbContext"/>,
/// <see cref="SqlServerSigetDbContext"/>, <see cref="PostgreSqlSigetDbContext"/>) only so that each keeps its own migrations.
/// </summary>
public abstract class SigetDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketHistoryEntry> TicketHistory => Set<TicketHistoryEntry>();
    public DbSet<TicketMessage> TicketMessages => Set<TicketMessage>();
    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();
    public DbSet<TicketSequence> TicketSequences => Set<TicketSequence>();
    public DbSet<ServiceCategory> Categories => Set<ServiceCategory>();
    public DbSet<ServiceSubcategory> Subcategories => Set<ServiceSubcategory>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<VendorCompany> VendorCompanies => Set<VendorCompany>();
    public DbSet<Siget.Core.Notifications.Notification> Notifications => Set<Siget.Core.Notifications.Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredSetting> Settings => Set<StoredSetting>();
    public DbSet<Siget.Core.Problems.Problem> Problems => Set<Siget.Core.Problems.Problem>();
    public DbSet<Siget.Core.Problems.ProblemHistoryEntry> ProblemHistory => Set<Siget.Core.Problems.ProblemHistoryEntry>();
    public DbSet<RecurrenceSignal> RecurrenceSignals => Set<RecurrenceSignal>();
    public DbSet<Siget.Core.Knowledge.Article> Articles => Set<Siget.Core.Knowledge.Article>();
    public DbSet<Siget.Core.Knowledge.ArticleVersion> ArticleVersions => Set<Siget.Core.Knowledge.ArticleVersion>();
    public DbSet<Siget.Core.Knowledge.ArticleDeflection> ArticleDeflections => Set<Siget.Core.Knowledge.ArticleDeflection>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ApiIdempotencyRecord> ApiIdempotencyRecords => Set<ApiIdempotencyRecord>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Siget.Console.Services.Reports.TicketFigures> TicketFigures => Set<Siget.Console.Services.Reports.TicketFigures>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SigetDbContext).Assembly);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        // Same-transaction writes of the public API: idempotency answers and the webhook outbox (Services/Integrations).
        optionsBuilder.AddInterceptors(Siget.Console.Services.Integrations.IntegrationSaveInterceptor.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime we store is UTC; read it back as UTC so conversions to Lima time are right.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteSigetDbContext(DbContextOptions<SqliteSigetDbContext> options) : SigetDbContext(options);

public sealed class SqlServerSigetDbContext(DbContextOptions<SqlServerSigetDbContext> options) : SigetDbContext(options);

/// <summary>
/// PostgreSQL compares text exactly where SQLite's LIKE ignores case: a unit's name, searched with LIKE, is
/// <c>citext</c> here (a trusted extension: the database's owner may create it). Every other search reads the folded
/// columns (<c>SearchText</c>, <c>SearchName</c>), which are the same on every database.
/// </summary>
public sealed class PostgreSqlSigetDbContext(DbContextOptions<PostgreSqlSigetDbContext> options) : SigetDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("citext");
        builder.Entity<Unit>().Property(u => u.Name).HasColumnType("citext");
    }
}
