using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Siget.Core.Tickets;

namespace Siget.Console.Data.Configuration;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.HasKey(t => t.Id);
        ticket.Property(t => t.Number).HasMaxLength(20).IsRequired();
        ticket.HasIndex(t => t.Number).IsUnique();
        ticket.HasIndex(t => new { t.Year, t.Sequence }).IsUnique();
        ticket.Property(t => t.Subject).HasMaxLength(TicketLimits.SubjectMaxLength).IsRequired();
        ticket.Property(t => t.Description).HasMaxLength(TicketLimits.DescriptionMaxLength).IsRequired();
        ticket.Property(t => t.Solution).HasMaxLength(TicketLimits.SolutionMaxLength);
        ticket.Property(t => t.SatisfactionComment).HasMaxLength(Satisfaction.CommentMaxLength);
        ticket.Property(t => t.SearchText).HasMaxLength(600).IsRequired();
        ticket.Property(t => t.RequesterId).HasMaxLength(450).IsRequired();
        ticket.Property(t => t.RequesterName).HasMaxLength(200).IsRequired();
        ticket.Property(t => t.CitizenDocument).HasMaxLength(12);
        ticket.Property(t => t.AccessCodeHash).HasMaxLength(120);
        ticket.Property(t => t.UnitName).HasMaxLength(200);
        ticket.Property(t => t.RegisteredById).HasMaxLength(450).IsRequired();
        ticket.Property(t => t.RegisteredByName).HasMaxLength(200).IsRequired();
        ticket.Property(t => t.AssigneeId).HasMaxLength(450);
        ticket.Property(t => t.AssigneeName).HasMaxLength(200);
        ticket.Property(t => t.VendorCompanyName).HasMaxLength(200);
        // SQLite ignores IsRowVersion; the domain bumps Version on every change and EF checks it on save.
        ticket.Property(t => t.Version).IsConcurrencyToken();
        // The SLA engine's marks change without a new Version (they are not a change people see); checking them on save
        // is what stops two overlapping passes from both telling the same warning.
        ticket.Property(t => t.SlaMarks).IsConcurrencyToken();
        ticket.HasOne<Siget.Core.Catalog.ServiceSubcategory>().WithMany().HasForeignKey(t => t.SubcategoryCode).OnDelete(DeleteBehavior.Restrict);

        ticket.HasMany(t => t.History).WithOne().HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Cascade);
        ticket.Navigation(t => t.History).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_history");

        // The queue, its counts and the board: open tickets by state, level and assignee (who may see them), then what
        // the queue sorts by and the board's lanes and clocks, so that counts, the sort and the board's load read only
        // this index and a million closed tickets are never touched.
        ticket.HasIndex(t => new { t.State, t.Level, t.AssigneeId, t.Priority, t.Preferential, t.NextDueUtc, t.VendorCompanyId, t.RegisteredAtUtc });
        ticket.HasIndex(t => new { t.AssigneeId, t.State });
        ticket.HasIndex(t => new { t.RequesterId, t.State });
        // A vendor follows its company's tickets at level 3 (years of escalations, few of them current).
        ticket.HasIndex(t => new { t.VendorCompanyId, t.Level, t.State });
        // The reports read a period's tickets by when they arrived, were resolved or were closed (one index each, so
        // the database can join the three ranges instead of reading every ticket of the years).
        // A new ticket has neither date: partial indexes keep registration from paying for them (bench/FINDINGS.md).
        ticket.HasIndex(t => t.RegisteredAtUtc);
        ticket.HasIndex(t => t.ResolvedAtUtc).HasFilter("\"ResolvedAtUtc\" IS NOT NULL");
        ticket.HasIndex(t => t.ClosedAtUtc).HasFilter("\"ClosedAtUtc\" IS NOT NULL");
        ticket.Property(t => t.ProblemNumber).HasMaxLength(20);
        ticket.HasOne<Siget.Core.Problems.Problem>().WithMany().HasForeignKey(t => t.ProblemId).OnDelete(DeleteBehavior.Restrict);
        // A problem's incidents; most tickets have none, so the index holds only the linked ones.
        ticket.HasIndex(t => t.ProblemId).HasFilter("\"ProblemId\" IS NOT NULL");
        ticket.Ignore(t => t.IsOpen);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Siget.Core.Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Siget.Core.Notifications.Notification> notification)
    {
        notification.HasKey(n => n.Id);
        notification.Property(n => n.RecipientId).HasMaxLength(450).IsRequired();
        notification.Property(n => n.TicketNumber).HasMaxLength(20).IsRequired();
        notification.Property(n => n.Text).HasMaxLength(Siget.Core.Notifications.Notification.TextMaxLength).IsRequired();
        notification.HasOne<Ticket>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
        // The bell: a person's unread ones, newest first.
        notification.HasIndex(n => new { n.RecipientId, n.ReadAtUtc, n.CreatedAtUtc });
        notification.Ignore(n => n.IsRead);
    }
}

internal sealed class TicketHistoryConfiguration : IEntityTypeConfiguration<TicketHistoryEntry>
{
    public void Configure(EntityTypeBuilder<TicketHistoryEntry> entry)
    {
        entry.ToTable("TicketHistory");
        entry.HasKey(h => h.Id);
        entry.Property(h => h.ActorId).HasMaxLength(450).IsRequired();
        entry.Property(h => h.ActorName).HasMaxLength(200).IsRequired();
        entry.Property(h => h.FromAssignee).HasMaxLength(200);
        entry.Property(h => h.ToAssignee).HasMaxLength(200);
        entry.Property(h => h.CriterionCode).HasMaxLength(40);
        entry.Property(h => h.Reason).HasMaxLength(TicketLimits.SolutionMaxLength);
        entry.Property(h => h.RequesterNote).HasMaxLength(TicketLimits.ReasonMaxLength);
        entry.HasIndex(h => new { h.TicketId, h.AtUtc });
    }
}

internal sealed class TicketMessageConfiguration : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> message)
    {
        message.HasKey(m => m.Id);
        message.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        message.Property(m => m.AuthorId).HasMaxLength(450).IsRequired();
        message.Property(m => m.AuthorName).HasMaxLength(200).IsRequired();
        message.Property(m => m.Body).HasMaxLength(TicketMessage.BodyMaxLength).IsRequired();
        message.HasIndex(m => new { m.TicketId, m.AtUtc });
        message.HasMany(m => m.Attachments).WithOne(a => a.Message).HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        message.Navigation(m => m.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_attachments");
    }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> attachment)
    {
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.FileName).HasMaxLength(AttachmentRules.FileNameMaxLength + 10).IsRequired();
        attachment.Property(a => a.ContentType).HasMaxLength(120).IsRequired();
        attachment.Property(a => a.StoredName).HasMaxLength(32).IsRequired();
        attachment.Property(a => a.UploadedById).HasMaxLength(450).IsRequired();
        attachment.HasIndex(a => a.TicketId);
    }
}
