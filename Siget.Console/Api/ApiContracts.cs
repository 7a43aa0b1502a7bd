using System.ComponentModel;
using Siget.Core.Catalog;
using Siget.Core.Priorities;

namespace Siget.Console.Api;

// The JSON of /api/v1 (camelCase on the wire). Field names are Spanish, like the rest of SIGET.

[Description("Una categoría del catálogo (Anexo 1) con sus servicios.")]
public sealed record ApiCategoria(int Id, string Nombre, bool Retirada, IReadOnlyList<ApiServicio> Servicios);

[Description("Un servicio (subcategoría) del catálogo. Un servicio retirado sigue en los tickets que lo usaron, pero no admite tickets nuevos.")]
public sealed record ApiServicio(int Codigo, string CodigoTexto, string Nombre, bool Retirado);

/// <summary>The body of <c>POST /api/v1/tickets</c>. Nothing else is accepted (no priority, state, assignee, level or dates).</summary>
[Description("Datos para registrar un ticket a nombre de una persona con cuenta en SIGET. La prioridad, el canal, el estado, el número y los plazos los calcula SIGET.")]
public sealed class ApiNuevoTicket
{
    [Description("Usuario, DNI (8 dígitos) o correo electrónico de la persona solicitante.")]
    public string? Solicitante { get; set; }
    [Description("Incidencia o Peticion.")]
    public TicketKind? Tipo { get; set; }
    [Description("Código del servicio del catálogo (1–43 en el catálogo inicial).")]
    public int? Servicio { get; set; }
    public string? Asunto { get; set; }
    public string? Descripcion { get; set; }
    [Description("Anexo 4: cuánto afecta a la capacidad operativa de la unidad o Tambo: Leve (10 %), Parcial (30 %) o Total (100 %).")]
    public OperatingImpact? Impacto { get; set; }
    [Description("Anexo 4: si se dispone de equipos o sistemas alternativos.")]
    public bool? HayAlternativa { get; set; }
    [Description("Opcional: nombre de la unidad o Tambo donde se presenta el caso (GET /api/v1/unidades), si no es la de la persona.")]
    public string? Unidad { get; set; }
}

[Description("Una unidad orgánica o Tambo activo.")]
public sealed record ApiUnidad(string Nombre, string Tipo, bool AtiendeCiudadanos);

[Description("Una respuesta pública como la persona solicitante.")]
public sealed class ApiRespuesta
{
    public string? Mensaje { get; set; }
}

[Description("Cierre del ticket resuelto por la persona solicitante, con su calificación.")]
public sealed class ApiFinalizar
{
    [Description("De 1 a 5.")]
    public int? Calificacion { get; set; }
    public string? Comentario { get; set; }
}

[Description("Reapertura de un ticket resuelto: la persona solicitante no está conforme con la solución.")]
public sealed class ApiReabrir
{
    public string? Motivo { get; set; }
}

[Description("Un ticket como lo ve la integración: nunca notas internas, motivos internos ni correos del personal.")]
public sealed record ApiTicket(
    string Numero,
    string Asunto,
    string Descripcion,
    string Tipo,
    string Canal,
    ApiServicio Servicio,
    string Prioridad,
    [property: Description("Estado en términos de la UTI: En cola, En proceso, Resuelto, Finalizado, Anulado.")] string Estado,
    [property: Description("EnCola, EnProceso, Resuelto, Finalizado o Anulado.")] string EstadoCodigo,
    [property: Description("Dónde está el ticket en palabras del solicitante, como en el portal.")] string EstadoSolicitante,
    string Nivel,
    string? AsignadoA,
    string Solicitante,
    string? Unidad,
    DateTime RegistradoEn,
    DateTime PrimeraRespuestaVence,
    DateTime ResolucionVence,
    DateTime? PrimeraRespuestaEn,
    DateTime? ResueltoEn,
    DateTime? CerradoEn,
    string? Solucion,
    int? Calificacion,
    long Version,
    IReadOnlyList<ApiMensaje> Mensajes);

[Description("Un mensaje público del ticket, con sus archivos.")]
public sealed record ApiMensaje(DateTime En, string Autor, string Cuerpo, IReadOnlyList<ApiAdjunto> Adjuntos);

public sealed record ApiAdjunto(long Id, string Nombre, long Bytes, string Url);

[Description("Una fila de la lista de tickets.")]
public sealed record ApiTicketResumen(string Numero, string Asunto, string Estado, string EstadoCodigo, string Prioridad, string Nivel,
    string Solicitante, DateTime RegistradoEn, long Version);

[Description("Una página de tickets, del más reciente al más antiguo. Pida la siguiente con «cursor».")]
public sealed record ApiPaginaTickets(IReadOnlyList<ApiTicketResumen> Tickets, string? SiguienteCursor);
