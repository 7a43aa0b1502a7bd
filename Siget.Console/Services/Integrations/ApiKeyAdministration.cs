using Microsoft.EntityFrameworkCore;
using Siget.Console.Data;
using Siget.Console.Services.Administration;
using Siget.Console.Services.People;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;

namespace Siget.Console.Services.Integrations;

/// <summary>What the administrator fills in to create a key.</summary>
public sealed class ApiKeyForm
{
    public const int NameMaxLength = ApiKey.NameMaxLength;

    public string Name { get; set; } = "";
    public Channel Channel { get; set; } = Channel.Sismonitor;
    public IReadOnlyCollection<string> Scopes { get; set; } = [];
    public DateTime? ExpiresAtUtc { get; set; }
}

/// <summary>A key just created or rotated: <see cref="Text"/> is shown once and never stored.</summary>
public sealed record IssuedApiKey(ApiKeyRow Key, string Text);

/// <summary>
/// API keys for other systems (Configuración → Integraciones, and <c>crear-clave-api</c>): create, revoke (at once),
/// rotate (the old secret keeps working until the grace period ends). Administrators only; every action is audited.
/// </summary>
public sealed class ApiKeyAdministration(IDbContextFactory<SigetDbContext> dbFactory, TimeProvider clock, AuditLog audit)
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAtUtc != null).ThenBy(k => k.Name).Select(ApiKeyRow.Projection).ToListAsync(ct);
    }

    public async Task<IssuedApiKey> CreateAsync(Actor actor, ApiKeyForm form, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await CreateAsync(db, actor.UserId, actor.Name, form, ct);
    }

    /// <summary>From the command line (no signed-in person): the audit names the command.</summary>
    internal async Task<IssuedApiKey> CreateFromConsoleAsync(ApiKeyForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CreateAsync(db, null, $"Consola ({ApiKeyCommand.Command})", form, ct);
    }

    private async Task<IssuedApiKey> CreateAsync(SigetDbContext db, string? actorId, string actorName, ApiKeyForm form, CancellationToken ct)
    {
        var name = Text.RequiredLine(form.Name, ApiKey.NameMaxLength, "el nombre de la clave");
        if (!Enum.IsDefined(form.Channel)) throw new DomainException("Elija el canal de la clave.", nameof(ApiKeyForm.Channel));
        var scopes = ApiScopes.Parse(string.Join(' ', form.Scopes));
        var now = clock.GetUtcNow().UtcDateTime;
        if (form.ExpiresAtUtc is { } expires && expires <= now)
            throw new DomainException("La fecha de vencimiento debe ser futura.", nameof(ApiKeyForm.ExpiresAtUtc));
        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAtUtc == null, ct))
            throw new DomainException($"Ya existe una clave vigente llamada «{name}».", nameof(ApiKeyForm.Name));
        var secret = ApiKeySecrets.NewSecret();
        var key = new ApiKey
        {
            PublicId = ApiKeySecrets.NewPublicId(), Name = name, Channel = form.Channel, Scopes = string.Join(' ', scopes),
            SecretHash = ApiKeySecrets.Hash(secret), ExpiresAtUtc = form.ExpiresAtUtc, CreatedAtUtc = now, CreatedBy = actorName,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actorId, actorName, "Clave de API creada", $"{name} ({key.PublicId})",
            after: $"Canal {form.Channel.Label()}; alcances {key.Scopes}; vence {(form.ExpiresAtUtc?.ToString("u") ?? "nunca")}", ct: ct);
        return new IssuedApiKey(ApiKeyRow.From(key), ApiKeySecrets.Format(key.PublicId, secret));
    }

    /// <summary>Revoked at once: the next request with it gets 401.</summary>
    public async Task RevokeAsync(Actor actor, int keyId, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, ct) ?? throw new DomainException("No se encontró la clave.");
        if (key.RevokedAtUtc is not null) return;
        key.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.Name, "Clave de API revocada", $"{key.Name} ({key.PublicId})", ct: ct);
    }

    /// <summary>A new secret for the same key; the current one keeps working for <paramref name="grace"/> (default 24 h).</summary>
    public async Task<IssuedApiKey> RotateAsync(Actor actor, int keyId, TimeSpan? grace = null, CancellationToken ct = default)
    {
        EnsureAdministrator(actor);
        var period = grace ?? DefaultGrace;
        if (period < TimeSpan.Zero || period > TimeSpan.FromDays(30)) throw new DomainException("El periodo de gracia va de 0 a 30 días.");
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, ct) ?? throw new DomainException("No se encontró la clave.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (!key.IsActiveAt(now)) throw new DomainException("La clave está revocada o vencida: cree una nueva.");
        var secret = ApiKeySecrets.NewSecret();
        key.PreviousSecretHash = key.SecretHash;
        key.PreviousValidUntilUtc = now + period;
        key.SecretHash = ApiKeySecrets.Hash(secret);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.Name, "Clave de API rotada", $"{key.Name} ({key.PublicId})",
            after: $"La clave anterior vale hasta {key.PreviousValidUntilUtc:u}", ct: ct);
        return new IssuedApiKey(ApiKeyRow.From(key), ApiKeySecrets.Format(key.PublicId, secret));
    }

    private static void EnsureAdministrator(Actor actor)
    {
        if (actor.Role != Role.Administrador) throw new DomainException("Solo los administradores gestionan las claves de API.");
    }
}
