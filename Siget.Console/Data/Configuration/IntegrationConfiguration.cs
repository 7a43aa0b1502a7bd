using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Siget.Console.Data.Configuration;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.Property(k => k.PublicId).HasMaxLength(ApiKey.PublicIdLength).IsRequired();
        key.HasIndex(k => k.PublicId).IsUnique();
        key.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        key.Property(k => k.Scopes).HasMaxLength(200).IsRequired();
        key.Property(k => k.SecretHash).HasMaxLength(32).IsRequired();
        key.Property(k => k.PreviousSecretHash).HasMaxLength(32);
        key.Property(k => k.CreatedBy).HasMaxLength(200).IsRequired();
        key.Ignore(k => k.ScopeList);
    }
}

internal sealed class ApiIdempotencyRecordConfiguration : IEntityTypeConfiguration<ApiIdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<ApiIdempotencyRecord> record)
    {
        record.Property(r => r.IdempotencyKey).HasMaxLength(ApiIdempotencyRecord.KeyMaxLength).IsRequired();
        record.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        record.Property(r => r.Location).HasMaxLength(200);
        record.Property(r => r.ETag).HasMaxLength(40);
        // One answer per key and Idempotency-Key: a concurrent second request cannot commit a second change.
        record.HasIndex(r => new { r.ApiKeyId, r.IdempotencyKey }).IsUnique();
        record.HasIndex(r => r.CreatedAtUtc);
        record.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.Property(s => s.Url).HasMaxLength(500).IsRequired();
        subscription.Property(s => s.Secret).HasMaxLength(100).IsRequired();
        subscription.HasOne(s => s.ApiKey).WithMany().HasForeignKey(s => s.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.Property(d => d.Event).HasMaxLength(40).IsRequired();
        delivery.Property(d => d.TicketNumber).HasMaxLength(20).IsRequired();
        delivery.Property(d => d.LastError).HasMaxLength(500);
        delivery.HasIndex(d => d.DeliveryId).IsUnique();
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAtUtc });
        delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
