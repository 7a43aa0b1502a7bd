namespace Siget.Core.Reports;

/// <summary>One value of a breakdown (a channel, a subcategory, a person…) and its figures in the period.</summary>
public sealed record BreakdownRow(string Key, int Received, int Resolved, Share ResolutionOnTime, DurationStats Resolution, int Reopened, int OpenNow);

/// <summary>Received and resolved in one step of a trend (a day, a week or a month starting on <see cref="Start"/>).</summary>
public sealed record TrendPoint(DateOnly Start, int Received, int Resolved);

public enum TrendStep
{
    Dia = 1,
    Semana,
    Mes,
}

public static class TrendSteps
{
    public static string Label(this TrendStep step) => step switch
    {
        TrendStep.Dia => "Por día",
        TrendStep.Semana => "Por semana",
        _ => "Por mes",
    };

    /// <summary>Days for up to a month, weeks for up to half a year, months beyond.</summary>
    public static TrendStep For(ReportPeriod period) => period.Days <= 31 ? TrendStep.Dia : period.Days <= 183 ? TrendStep.Semana : TrendStep.Mes;

    public static DateOnly Start(this TrendStep step, DateOnly date) => step switch
    {
        TrendStep.Dia => date,
        TrendStep.Semana => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        _ => new DateOnly(date.Year, date.Month, 1),
    };

    public static DateOnly Next(this TrendStep step, DateOnly start) => step switch
    {
        TrendStep.Dia => start.AddDays(1),
        TrendStep.Semana => start.AddDays(7),
        _ => start.AddMonths(1),
    };
}
