using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

#pragma warning disable EF1001 // SQLite's own date mapping and mapping source are what this refines

namespace Siget.Console.Data;

/// <summary>
/// SQLite keeps dates as text (<c>2026-11-25 15:00:00.1234567</c>, EF Core's format). Its reader parses each one
/// with <see cref="DateTime.Parse(string)"/>, a large part of a report's CPU (bench/FINDINGS.md). This mapping reads the
/// text and parses that fixed format directly; anything else
/// falls back to the general parser. What is stored, and every query, is unchanged.
/// </summary>
public static class SqliteTextDates
{
    public static DateTime Parse(string text)
    {
        var s = text.AsSpan();
        if (s.Length >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == ' ' || s[10] == 'T') && s[13] == ':' && s[16] == ':'
            && Digits(s, 0, 4, out var year) && Digits(s, 5, 2, out var month) && Digits(s, 8, 2, out var day)
            && Digits(s, 11, 2, out var hour) && Digits(s, 14, 2, out var minute) && Digits(s, 17, 2, out var second)
            && Fraction(s, out var ticks)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
            return new DateTime(year, month, day, hour, minute, second).AddTicks(ticks);
        return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }

    /// <summary>Nothing, or a dot and one to seven digits (ten-millionths of a second), and nothing after.</summary>
    private static bool Fraction(ReadOnlySpan<char> s, out long ticks)
    {
        ticks = 0;
        if (s.Length == 19) return true;
        if (s[19] != '.' || s.Length == 20 || s.Length > 27) return false;
        var digits = 0;
        for (var i = 20; i < s.Length; i++, digits++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9) return false;
            ticks = ticks * 10 + digit;
        }
        for (; digits < 7; digits++) ticks *= 10;
        return true;
    }
}

/// <summary>SQLite's mapping for <see cref="DateTime"/>, read as text and parsed by <see cref="SqliteTextDates"/>.</summary>
internal sealed class SqliteTextDateTimeMapping : SqliteDateTimeTypeMapping
{
    private static readonly MethodInfo GetString = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetString), [typeof(int)])!;
    private static readonly MethodInfo ParseText = typeof(SqliteTextDates).GetMethod(nameof(SqliteTextDates.Parse))!;

    public SqliteTextDateTimeMapping(string storeType) : base(storeType) { }

    private SqliteTextDateTimeMapping(RelationalTypeMappingParameters parameters) : base(parameters) { }

    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new SqliteTextDateTimeMapping(parameters);

    public override MethodInfo GetDataReaderMethod() => GetString;

    public override Expression CustomizeDataReaderExpression(Expression expression) => Expression.Call(ParseText, expression);
}

/// <summary>SQLite's type mappings, with <see cref="SqliteTextDateTimeMapping"/> for dates.</summary>
internal sealed class SqliteTextDatesMappingSource(TypeMappingSourceDependencies dependencies, RelationalTypeMappingSourceDependencies relationalDependencies)
    : SqliteTypeMappingSource(dependencies, relationalDependencies)
{
    protected override RelationalTypeMapping? FindMapping(in RelationalTypeMappingInfo mappingInfo)
    {
        var mapping = base.FindMapping(mappingInfo);
        return mapping is SqliteDateTimeTypeMapping && mapping.ClrType == typeof(DateTime) && mapping is not SqliteTextDateTimeMapping
            ? new SqliteTextDateTimeMapping(mapping.StoreType)
            : mapping;
    }
}
