using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Siget.Console.Data;
using Siget.Console.Services.People;
using Siget.Console.Services.Sla;
using Siget.Console.Services.Tickets;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Sla;

namespace Siget.Console.Services.Administration;

/// <summary>What administrators set at run time: SLA targets and calendar, auto-finalisation, automatic assignment.</summary>
public sealed class SigetSettings
{
    public SlaOptions Sla { get; set; } = new();
    /// <summary>Business days a resolved ticket waits for its requester before Sistema finalises it; 0 never.</summary>
    public int AutoFinalizeBusinessDays { get; set; } = 3;
    public bool AutomaticAssignment { get; set; }
    /// <summary>When recurring incidents suggest a problem.</summary>
    public Siget.Core.Problems.RecurrenceRule Recurrence { get; set; } = new();

    public SigetSettings Copy() => JsonSerializer.Deserialize<SigetSettings>(JsonSerializer.Serialize(this))!;
}

/// <summary>
/// The settings in force. Configuration gives the first values; once an administrator saves, the database's apply.
/// Readers take <see cref="Current"/> and <see cref="Policy"/> at the moment they need them, so a change applies to the
/// next ticket registered, the next SLA pass and the next screen drawn, without a restart. The policy's holidays cover
/// last, this and next year and are rebuilt when the year turns.
/// </summary>
public sealed class SettingsStore(IDbContextFactory<SigetDbContext> dbFactory, IOptions<SlaOptions> sla, IOptions<SlaEngineOptions> engine,
    IOptions<AssignmentOptions> assignment, TimeProvider clock, AuditLog audit)
{
    private const string Key = "siget";
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(SigetSettings Settings, SlaPolicy Policy, int Year);

    public SigetSettings Current => Load().Settings.Copy();

    public SlaPolicy Policy
    {
        get
        {
            var snapshot = Load();
            var year = clock.GetUtcNow().Year;
            if (snapshot.Year == year) return snapshot.Policy;
            _snapshot = snapshot = snapshot with { Policy = snapshot.Settings.Sla.ToPolicy(year), Year = year };
            return snapshot.Policy;
        }
    }

    /// <summary>Raised after an administrator saved a different calendar (working day, time zone or extra holidays):
    /// the kept report figures are worked out again (<see cref="Reports.KeptFiguresRebuild"/>).</summary>
    public event Action? CalendarChanged;

    public int AutoFinalizeBusinessDays => Load().Settings.AutoFinalizeBusinessDays;
    public bool AutomaticAssignment => Load().Settings.AutomaticAssignment;
    public Siget.Core.Problems.RecurrenceRule Recurrence => Load().Settings.Recurrence ?? new();

    public async Task SaveAsync(Actor actor, SigetSettings settings, CancellationToken ct = default)
    {
        if (actor.Role != Role.Administrador) throw new DomainException("Solo un administrador cambia la configuración.");
        var problems = settings.Sla.Validate(new ValidationContext(settings.Sla)).Select(r => r.ErrorMessage).ToList();
        if (settings.AutoFinalizeBusinessDays is < 0 or > 30) problems.Add("Los días para finalizar automáticamente van de 0 a 30.");
        problems.AddRange((settings.Recurrence ?? new()).Problems());
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));

        var calendarBefore = CalendarOf(Load().Settings.Sla);
        var before = JsonSerializer.Serialize(Load().Settings, Json);
        var after = JsonSerializer.Serialize(settings, Json);
        await using (var db = await dbFactory.CreateForAsync(actor, ct))
        {
            var row = await db.Settings.SingleOrDefaultAsync(s => s.Key == Key, ct);
            if (row is null) db.Settings.Add(row = new StoredSetting { Key = Key });
            row.Json = after;
            await db.SaveChangesAsync(ct);
        }
        _snapshot = Build(settings.Copy());
        if (before != after) await audit.RecordAsync(actor.UserId, actor.Name, "Configuración modificada", "Configuración", before, after, ct: ct);
        if (CalendarOf(settings.Sla) != calendarBefore) CalendarChanged?.Invoke();
    }

    // The targets are not in it: each ticket keeps the due times it was registered with.
    private static string CalendarOf(SlaOptions sla) =>
        $"{sla.TimeZone}|{sla.WorkdayStart}|{sla.WorkdayEnd}|{string.Join(",", sla.ExtraHolidays.Order(StringComparer.Ordinal))}";

    /// <summary>Reads the stored settings (called once at start-up; later reads use the snapshot).</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == Key, ct);
        var settings = row is null ? FromConfiguration() : JsonSerializer.Deserialize<SigetSettings>(row.Json) ?? FromConfiguration();
        _snapshot = Build(settings);
    }

    private Snapshot Load() => _snapshot ??= Build(FromConfiguration());

    private Snapshot Build(SigetSettings settings)
    {
        var year = clock.GetUtcNow().Year;
        return new Snapshot(settings, settings.Sla.ToPolicy(year), year);
    }

    private SigetSettings FromConfiguration() => new()
    {
        Sla = sla.Value, AutoFinalizeBusinessDays = engine.Value.AutoFinalizeBusinessDays, AutomaticAssignment = assignment.Value.Automatic,
    };
}
