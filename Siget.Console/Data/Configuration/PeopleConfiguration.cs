using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Siget.Console.Data.Configuration;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(ApplicationUser.FullNameMaxLength).IsRequired();
        user.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        user.HasOne(u => u.VendorCompany).WithMany().HasForeignKey(u => u.VendorCompanyId).OnDelete(DeleteBehavior.Restrict);
        user.HasIndex(u => new { u.Role, u.IsActive });
        user.HasIndex(u => u.FullName);
        user.Property(u => u.SearchName).HasMaxLength(400).IsRequired();
        user.Property(u => u.Dni).HasMaxLength(Siget.Core.Text.DniLength);
        user.HasIndex(u => u.Dni).IsUnique();
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.Property(u => u.Name).HasMaxLength(200).IsRequired();
        unit.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class VendorCompanyConfiguration : IEntityTypeConfiguration<VendorCompany>
{
    public void Configure(EntityTypeBuilder<VendorCompany> vendor)
    {
        vendor.Property(v => v.Name).HasMaxLength(200).IsRequired();
        vendor.Property(v => v.ContractReference).HasMaxLength(100);
        vendor.Property(v => v.Contact).HasMaxLength(200);
        vendor.HasIndex(v => v.Name).IsUnique();
    }
}

internal sealed class TicketSequenceConfiguration : IEntityTypeConfiguration<TicketSequence>
{
    public void Configure(EntityTypeBuilder<TicketSequence> sequence)
    {
        sequence.HasKey(s => s.Year);
        sequence.Property(s => s.Year).ValueGeneratedNever();
        // Registrations only ever increment it in one UPDATE (TicketRegistration); the token stops a tracked write from
        // ever putting back a value another transaction has moved on from.
        sequence.Property(s => s.Last).IsConcurrencyToken();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.Property(a => a.ActorId).HasMaxLength(450);
        entry.Property(a => a.ActorName).HasMaxLength(200).IsRequired();
        entry.Property(a => a.Action).HasMaxLength(60).IsRequired();
        entry.Property(a => a.Subject).HasMaxLength(256).IsRequired();
        entry.Property(a => a.Before).HasMaxLength(AuditEntry.TextMaxLength);
        entry.Property(a => a.After).HasMaxLength(AuditEntry.TextMaxLength);
        entry.Property(a => a.Address).HasMaxLength(64);
        entry.HasIndex(a => a.AtUtc);
        entry.HasIndex(a => new { a.Action, a.AtUtc });
    }
}

internal sealed class StoredSettingConfiguration : IEntityTypeConfiguration<StoredSetting>
{
    public void Configure(EntityTypeBuilder<StoredSetting> setting)
    {
        setting.ToTable("Settings");
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(60);
        setting.Property(s => s.Json).IsRequired();
    }
}
