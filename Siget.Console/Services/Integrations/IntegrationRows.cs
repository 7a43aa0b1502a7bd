using System.Linq.Expressions;
using Siget.Console.Data;
using Siget.Core.Catalog;

namespace Siget.Console.Services.Integrations;

/// <summary>An API key as Configuración → Integraciones shows it: no secret hashes leave the service.</summary>
public sealed record ApiKeyRow(int Id, string PublicId, string Name, Channel Channel, string Scopes, DateTime CreatedAtUtc, string CreatedBy,
    DateTime? LastUsedAtUtc, DateTime? ExpiresAtUtc, DateTime? RevokedAtUtc, DateTime? PreviousValidUntilUtc)
{
    internal static readonly Expression<Func<ApiKey, ApiKeyRow>> Projection = k => new ApiKeyRow(k.Id, k.PublicId, k.Name, k.Channel, k.Scopes,
        k.CreatedAtUtc, k.CreatedBy, k.LastUsedAtUtc, k.ExpiresAtUtc, k.RevokedAtUtc, k.PreviousValidUntilUtc);

    /// <summary>For a key just saved (the list itself is projected in its query).</summary>
    internal static readonly Func<ApiKey, ApiKeyRow> From = Projection.Compile();

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActiveAt(DateTime nowUtc) => ApiKey.IsActive(RevokedAtUtc, ExpiresAtUtc, nowUtc);
}

/// <summary>A webhook subscription as listed under its key (its signing secret is shown once, at creation).</summary>
public sealed record WebhookRow(int Id, string Url, WebhookEvents Events, bool Active);

/// <summary>A delivery that gave up and waits for an administrator.</summary>
public sealed record ParkedDeliveryRow(long Id, string Event, string TicketNumber, int Attempts, string? LastError);
