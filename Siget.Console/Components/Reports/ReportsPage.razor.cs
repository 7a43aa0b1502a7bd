using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Siget.Console.Components.Shared;
using Siget.Console.Services.People;
using Siget.Console.Services.Reports;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Escalation;
using Siget.Core.Reports;
using static Siget.Console.Components.Reports.ReportFormat;

namespace Siget.Console.Components.Reports;

/// <summary>
/// The service dashboard for a period (this month unless the address says otherwise): the indicators, the clocks, the
/// levels, a trend, a breakdown and the vendors; every count links to its tickets (<see cref="ReportTicketsPage"/>).
/// The period, the breakdown and the trend's step live in the address, so a view can be bookmarked or sent.
/// </summary>
public partial class ReportsPage
{
    [Inject] private ReportQueries Reports { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "desde")] private string? Desde { get; set; }
    [SupplyParameterFromQuery(Name = "hasta")] private string? Hasta { get; set; }
    [SupplyParameterFromQuery(Name = "desglose")] private string? Desglose { get; set; }
    [SupplyParameterFromQuery(Name = "paso")] private string? Paso { get; set; }

    /// <summary>Periods up to a quarter come with the page; longer ones are read once the page is live.</summary>
    public const int PrerenderedDays = 92;

    private Actor actor = default!;
    private ReportPeriod? period;
    private ReportData? data;
    private ServiceFigures? figures;
    private string? error;
    private DateTime? from;
    private DateTime? to;
    private ReportDimension dimension = ReportDimension.Categoria;
    private TrendStep step;
    private IReadOnlyList<BreakdownRow> breakdown = [];
    private IReadOnlyList<TrendPoint> trend = [];
    private List<ChartSeries<double>> trendSeries = [];
    private string[] trendLabels = [];
    private int shownRows = 50;

    private IEnumerable<ReportDimension> Dimensions => Enum.GetValues<ReportDimension>().Where(d => ReportAccess.MayBreakDownBy(actor, d));

    protected override async Task OnParametersSetAsync()
    {
        actor = (await AuthenticationState).User.ToActor();
        error = null;
        try
        {
            var asked = ReportLink.Period(Desde, Hasta, Clock.GetUtcNow().UtcDateTime);
            dimension = ReportLink.Enum<ReportDimension>(Desglose, "El desglose pedido no existe.") ?? ReportDimension.Categoria;
            step = ReportLink.Enum<TrendStep>(Paso, "El paso de la tendencia no existe.") ?? TrendSteps.For(asked);
            (from, to) = (asked.From.ToDateTime(TimeOnly.MinValue), asked.To.ToDateTime(TimeOnly.MinValue));
            if (!RendererInfo.IsInteractive && asked.Days > PrerenderedDays)
            {
                // A long period takes seconds to read: the page comes at once and the figures follow, with progress.
                (period, data, figures) = (asked, null, null);
                return;
            }
            if (asked != period || data is null)
            {
                period = asked;
                data = null;
                data = await Reports.LoadAsync(actor, asked);
                figures = data.Report.Figures(data.Tickets, asked, data.AtUtc, data.Names.ContractHours);
            }
            if (!Dimensions.Contains(dimension)) dimension = ReportDimension.Categoria;
            breakdown = (await Reports.BreakdownAsync(actor, asked, dimension)).Rows;
            shownRows = 50;
            ShowTrend(asked);
        }
        catch (DomainException ex)
        {
            (error, data, figures) = (ex.Message, null, null);
        }
    }

    private void ShowTrend(ReportPeriod shown)
    {
        trend = data!.Report.Trend(data.Tickets, shown, step);
        // At most about a dozen labels under the axis, or they run into each other; the table below has every point.
        var every = Math.Max(1, (int)Math.Ceiling(trend.Count / 12.0));
        // A first week or month that starts before the period is labelled with the period's first day.
        trendLabels = trend.Select((p, i) => (Start: p.Start < shown.From ? shown.From : p.Start, i))
            .Select(x => x.i % every != 0 ? ""
                : step == TrendStep.Mes ? x.Start.ToString("MMM yyyy", ReportFormat.Peru) : x.Start.ToString("dd/MM", ReportFormat.Peru)).ToArray();
        trendSeries =
        [
            new() { Name = "Recibidos", Data = trend.Select(p => (double)p.Received).ToArray() },
            new() { Name = "Resueltos", Data = trend.Select(p => (double)p.Resolved).ToArray() },
        ];
    }

    private void ApplyAsync()
    {
        if (from is not { } f || to is not { } t)
        {
            error = "Indique las dos fechas del periodo.";
            return;
        }
        try
        {
            var asked = new ReportPeriod(DateOnly.FromDateTime(f), DateOnly.FromDateTime(t));
            Navigation.NavigateTo(Here(asked, dimension, Paso is null ? null : step));
        }
        catch (DomainException ex)
        {
            error = ex.Message;
        }
    }

    private void ChangeDimension(ChangeEventArgs e) =>
        Navigation.NavigateTo(Here(period!, Enum.Parse<ReportDimension>((string)e.Value!), Paso is null ? null : step), replace: true);

    private void ChangeStep(ChangeEventArgs e) =>
        Navigation.NavigateTo(Here(period!, dimension, Enum.Parse<TrendStep>((string)e.Value!)), replace: true);

    private static string Here(ReportPeriod shown, ReportDimension by, TrendStep? trendStep)
    {
        var link = ReportLink.To(ReportLink.Dashboard, shown) + $"&desglose={by}";
        return trendStep is { } s ? link + $"&paso={s}" : link;
    }

    private IEnumerable<(string Label, ReportPeriod Period)> QuickPeriods()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var thisMonth = ReportPeriod.ThisMonth(now);
        var last = thisMonth.From.AddMonths(-1);
        yield return ("Este mes", thisMonth);
        yield return ("Mes anterior", ReportPeriod.Month(last.Year, last.Month));
        yield return ("Últimos 90 días", new ReportPeriod(thisMonth.To.AddDays(-89), thisMonth.To));
        yield return ("Este año", new ReportPeriod(new DateOnly(thisMonth.To.Year, 1, 1), thisMonth.To));
    }
}
