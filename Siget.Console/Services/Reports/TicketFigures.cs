using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Siget.Core.Escalation;
using Siget.Core.Reports;
using Siget.Core.Tickets;

namespace Siget.Console.Services.Reports;

/// <summary>
/// One ticket's kept business-time measures (<see cref="TicketMeasures"/>) as a row: durations in ticks, a level's
/// time null when the ticket never was there.
/// </summary>
public sealed class TicketFigures
{
    public int TicketId { get; set; }
    /// <summary>Set for a ticket being registered: its id comes with the same insert.</summary>
    public Ticket? Ticket { get; set; }
    /// <summary>The ticket's version the measures were worked out from; a rebuild never overwrites newer ones.</summary>
    public long TicketVersion { get; set; }
    public long? FirstResponseTicks { get; set; }
    public long? ResolutionTicks { get; set; }
    public long? Nivel1Ticks { get; set; }
    public long? Nivel2Ticks { get; set; }
    public long? Nivel3Ticks { get; set; }
    public long? Nivel4Ticks { get; set; }
    public long? DireccionEjecutivaTicks { get; set; }
    public SupportLevel? RunningLevel { get; set; }
    public DateTime? RunningSinceUtc { get; set; }
    public int Reopenings { get; set; }
    public int Escalations { get; set; }

    public void Keep(TicketMeasures measures, long ticketVersion)
    {
        long? At(SupportLevel level) => measures.EndedStays.TryGetValue(level, out var time) ? time.Ticks : null;
        TicketVersion = ticketVersion;
        FirstResponseTicks = measures.FirstResponse?.Ticks;
        ResolutionTicks = measures.Resolution?.Ticks;
        Nivel1Ticks = At(SupportLevel.Nivel1);
        Nivel2Ticks = At(SupportLevel.Nivel2);
        Nivel3Ticks = At(SupportLevel.Nivel3);
        Nivel4Ticks = At(SupportLevel.Nivel4);
        DireccionEjecutivaTicks = At(SupportLevel.DireccionEjecutiva);
        RunningLevel = measures.RunningStay?.Level;
        RunningSinceUtc = measures.RunningStay?.SinceUtc;
        Reopenings = measures.Reopenings;
        Escalations = measures.Escalations;
    }

    public TicketMeasures ToMeasures()
    {
        var levels = new Dictionary<SupportLevel, TimeSpan>();
        foreach (var (level, ticks) in new[]
                 {
                     (SupportLevel.Nivel1, Nivel1Ticks), (SupportLevel.Nivel2, Nivel2Ticks), (SupportLevel.Nivel3, Nivel3Ticks),
                     (SupportLevel.Nivel4, Nivel4Ticks), (SupportLevel.DireccionEjecutiva, DireccionEjecutivaTicks),
                 })
            if (ticks is long t) levels[level] = TimeSpan.FromTicks(t);
        return new TicketMeasures
        {
            FirstResponse = FirstResponseTicks is long f ? TimeSpan.FromTicks(f) : null,
            Resolution = ResolutionTicks is long r ? TimeSpan.FromTicks(r) : null,
            EndedStays = levels,
            RunningStay = RunningLevel is { } running && RunningSinceUtc is { } since ? (running, since) : null,
            Reopenings = Reopenings,
            Escalations = Escalations,
        };
    }
}

internal sealed class TicketFiguresConfiguration : IEntityTypeConfiguration<TicketFigures>
{
    public void Configure(EntityTypeBuilder<TicketFigures> figures)
    {
        figures.HasKey(f => f.TicketId);
        figures.HasOne(f => f.Ticket).WithOne().HasForeignKey<TicketFigures>(f => f.TicketId).OnDelete(DeleteBehavior.Cascade);
        // A rebuild's batch and a command on the same ticket: whichever writes second on a stale read fails and reads again.
        figures.Property(f => f.TicketVersion).IsConcurrencyToken();
    }
}
