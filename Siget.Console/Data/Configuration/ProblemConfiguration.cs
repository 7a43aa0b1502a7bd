using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Siget.Core.Problems;

namespace Siget.Console.Data.Configuration;

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> problem)
    {
        problem.HasKey(p => p.Id);
        problem.Property(p => p.Number).HasMaxLength(20).IsRequired();
        problem.HasIndex(p => p.Number).IsUnique();
        problem.HasIndex(p => new { p.Year, p.Sequence }).IsUnique();
        problem.Property(p => p.Title).HasMaxLength(ProblemLimits.TitleMaxLength).IsRequired();
        problem.Property(p => p.Description).HasMaxLength(ProblemLimits.DescriptionMaxLength).IsRequired();
        problem.Property(p => p.UnitName).HasMaxLength(200);
        problem.Property(p => p.OwnerId).HasMaxLength(450);
        problem.Property(p => p.OwnerName).HasMaxLength(200);
        problem.Property(p => p.RootCause).HasMaxLength(ProblemLimits.AnalysisMaxLength);
        problem.Property(p => p.Workaround).HasMaxLength(ProblemLimits.AnalysisMaxLength);
        problem.Property(p => p.Solution).HasMaxLength(ProblemLimits.AnalysisMaxLength);
        problem.Property(p => p.RegisteredById).HasMaxLength(450).IsRequired();
        problem.Property(p => p.RegisteredByName).HasMaxLength(200).IsRequired();
        problem.Property(p => p.Version).IsConcurrencyToken();
        problem.HasOne<Siget.Core.Catalog.ServiceSubcategory>().WithMany().HasForeignKey(p => p.SubcategoryCode).OnDelete(DeleteBehavior.Restrict);
        problem.HasIndex(p => new { p.State, p.RegisteredAtUtc });
        problem.HasMany(p => p.History).WithOne().HasForeignKey(h => h.ProblemId).OnDelete(DeleteBehavior.Cascade);
        problem.Navigation(p => p.History).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_history");
        problem.Ignore(p => p.IsOpen);
    }
}

internal sealed class ProblemHistoryConfiguration : IEntityTypeConfiguration<ProblemHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ProblemHistoryEntry> entry)
    {
        entry.ToTable("ProblemHistory");
        entry.HasKey(h => h.Id);
        entry.Property(h => h.ActorId).HasMaxLength(450).IsRequired();
        entry.Property(h => h.ActorName).HasMaxLength(200).IsRequired();
        entry.Property(h => h.TicketNumber).HasMaxLength(20);
        entry.Property(h => h.Reason).HasMaxLength(ProblemLimits.AnalysisMaxLength);
        entry.HasIndex(h => new { h.ProblemId, h.AtUtc });
    }
}

internal sealed class RecurrenceSignalConfiguration : IEntityTypeConfiguration<RecurrenceSignal>
{
    public void Configure(EntityTypeBuilder<RecurrenceSignal> signal)
    {
        signal.HasKey(s => s.Id);
        signal.HasIndex(s => new { s.SubcategoryCode, s.UnitId }).IsUnique();
        signal.Property(s => s.DismissedByName).HasMaxLength(200);
    }
}
