using System.Globalization;

namespace Siget.Core.Reports;

/// <summary>The ways the figures are broken down. Keys are the stable ids of each value (codes, ids, enum names).</summary>
public enum ReportDimension
{
    Categoria = 1,
    Subcategoria,
    Canal,
    Unidad,
    Prioridad,
    Nivel,
    Persona,
    Proveedor,
    /// <summary>The requester's rating (1 to 5 stars); tickets not rated have none.</summary>
    Calificacion,
}

public static class ReportDimensions
{
    public static string Label(this ReportDimension dimension) => dimension switch
    {
        ReportDimension.Categoria => "Categoría",
        ReportDimension.Subcategoria => "Subcategoría",
        ReportDimension.Canal => "Canal",
        ReportDimension.Unidad => "Unidad o Tambo",
        ReportDimension.Prioridad => "Prioridad",
        ReportDimension.Nivel => "Nivel",
        ReportDimension.Persona => "Persona asignada",
        ReportDimension.Proveedor => "Empresa proveedora",
        ReportDimension.Calificacion => "Calificación",
        _ => dimension.ToString(),
    };

    /// <summary>The value of the breakdown a ticket falls in; null when it has none (no unit, nobody assigned, no vendor).</summary>
    public static string? KeyOf(this ReportDimension dimension, ReportTicket ticket) => dimension switch
    {
        ReportDimension.Categoria => ticket.CategoryId.ToString(CultureInfo.InvariantCulture),
        ReportDimension.Subcategoria => ticket.SubcategoryCode.ToString(CultureInfo.InvariantCulture),
        ReportDimension.Canal => ticket.Channel.ToString(),
        ReportDimension.Unidad => ticket.UnitId?.ToString(CultureInfo.InvariantCulture),
        ReportDimension.Prioridad => ticket.Priority.ToString(),
        ReportDimension.Nivel => ticket.Level.ToString(),
        ReportDimension.Persona => ticket.AssigneeId,
        ReportDimension.Proveedor => ticket.VendorCompanyId?.ToString(CultureInfo.InvariantCulture),
        ReportDimension.Calificacion => ticket.SatisfactionRating?.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
