using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Siget.Console.Services.Reports;

/// <summary>Writes a report table as CSV (UTF-8 with BOM, so Excel reads the accents) or as an Excel workbook.</summary>
public static class ReportExports
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes row by row to <paramref name="output"/>, flushing as it goes, so a long list starts downloading at once.</summary>
    public static async Task WriteCsvAsync<T>(Stream output, IReadOnlyList<ReportColumn<T>> columns, IEnumerable<T> rows, CancellationToken ct)
    {
        // Escape: a subject starting with "=" must not run as a formula when the file is opened in Excel.
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions
        {
            WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture,
        }, leaveOpen: true);
        foreach (var column in columns) csv.WriteField(column.Header);
        await csv.EndRecordAsync(ct);
        var written = 0;
        foreach (var row in rows)
        {
            foreach (var column in columns) csv.WriteField(CsvValue(column.Value(row)));
            await csv.EndRecordAsync(ct);
            if (++written % 1000 == 0) await csv.FlushAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>One sheet with a header row, filters and frozen header; numbers and dates stay numbers and dates.</summary>
    public static byte[] Excel<T>(string sheetName, IReadOnlyList<ReportColumn<T>> columns, IEnumerable<T> rows, CancellationToken ct)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            var header = sheet.Cell(1, c + 1);
            header.Value = columns[c].Header;
            header.Style.Font.Bold = true;
            // Widths set by hand: measuring text needs GDI+, which the server does not have.
            sheet.Column(c + 1).Width = Math.Clamp(columns[c].Header.Length + 4, 12, 40);
        }
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (columns[c].Value(row))
                {
                    case null: break;
                    case DateTime at:
                        cell.Value = at;
                        cell.Style.DateFormat.Format = "dd/mm/yyyy hh:mm";
                        break;
                    case int n: cell.Value = n; break;
                    case double d: cell.Value = d; break;
                    // Text stays text: assigning Value would let ClosedXML read "00123" as a number or "=…" as a formula.
                    case var other: cell.SetValue(other.ToString() ?? "").DataType = XLDataType.Text; break;
                }
            }
            r++;
            if (r % 1000 == 0) ct.ThrowIfCancellationRequested();
        }
        sheet.SheetView.FreezeRows(1);
        if (r > 2) sheet.Range(1, 1, r - 1, columns.Count).SetAutoFilter();
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        DateTime at => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };
}
