using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Siget.Console.Services.Tickets;
using Siget.Console.Services.Integrations;
using Siget.Core;
using Siget.Core.Tickets;

namespace Siget.Console.Api;

/// <summary>
/// The public API, <c>/api/v1</c> (docs/api.md): keys only (<see cref="ApiKeyAuthenticationHandler"/>), limited per key,
/// every error a Spanish <see cref="ApiProblem"/>. The endpoints only read the request and shape the answer; what may be
/// done is decided by <see cref="IntegrationTickets"/> and the domain.
/// </summary>
public static class ApiV1
{
    public const string Prefix = "/api/v1";
    public const string RateLimitPolicy = "api";

    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter(AnswerProblemsAsync)
            .WithTags("SIGET API v1")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/catalogo", async (ClaimsPrincipal user, IntegrationTickets tickets, CancellationToken ct) =>
                Results.Json(await tickets.CatalogAsync(ApiCaller.From(user), ct), ApiProblems.Json))
            .WithName("LeerCatalogo").WithSummary("Catálogo de servicios (Anexo 1)")
            .WithDescription("Categorías y servicios con sus códigos; los retirados vienen marcados. Alcance: catalogo:leer.")
            .Produces<IReadOnlyList<ApiCategoria>>();

        api.MapGet("/unidades", async (ClaimsPrincipal user, IntegrationTickets tickets, CancellationToken ct) =>
                Results.Json(await tickets.UnitsAsync(ApiCaller.From(user), ct), ApiProblems.Json))
            .WithName("LeerUnidades").WithSummary("Unidades orgánicas y Tambos")
            .WithDescription("Los nombres que acepta «unidad» al registrar un ticket. Alcance: catalogo:leer.")
            .Produces<IReadOnlyList<ApiUnidad>>();

        api.MapPost("/tickets", RegisterAsync)
            .WithName("RegistrarTicket").WithSummary("Registrar un ticket a nombre de un solicitante")
            .WithDescription("La prioridad, el canal (el de la clave), el estado, el número y los plazos los calcula SIGET, igual que en el portal. Acepta Idempotency-Key. Alcance: tickets:crear.")
            .WithMetadata(new ApiBody(typeof(ApiNuevoTicket), Examples.NewTicket, "application/json"))
            .Produces<ApiTicket>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/tickets", ListAsync)
            .WithName("ListarTickets").WithSummary("Tickets del canal de la clave, del más reciente al más antiguo")
            .WithDescription("Filtros: solicitante (usuario o correo), estado (EnCola, EnProceso, Resuelto, Finalizado, Anulado), desde y hasta (fecha de registro, ISO 8601 UTC), limite (1–100, 50 por omisión) y cursor (el «siguienteCursor» de la página anterior). Alcance: tickets:leer.")
            .Produces<ApiPaginaTickets>().ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/tickets/{numero}", async (string numero, ClaimsPrincipal user, IntegrationTickets tickets, HttpContext http, CancellationToken ct) =>
            {
                var ticket = await tickets.FindAsync(ApiCaller.From(user), numero, ct) ?? throw ApiProblemException.NotFound();
                http.Response.Headers.ETag = IntegrationTickets.ETag(ticket.Version);
                return Results.Json(ticket, ApiProblems.Json);
            })
            .WithName("LeerTicket").WithSummary("Un ticket del canal de la clave")
            .WithDescription("Estado en palabras del solicitante y de la UTI, nivel, a cargo de quién, plazos del SLA, solución y mensajes públicos. La cabecera ETag lleva la versión. Alcance: tickets:leer.")
            .Produces<ApiTicket>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/tickets/{numero}/respuestas", ReplyAsync)
            .WithName("ResponderTicket").WithSummary("Respuesta pública como el solicitante")
            .WithDescription("JSON {\"mensaje\": …}, o multipart/form-data con el campo «mensaje» y hasta 10 archivos «archivos» (PDF, PNG, JPG, GIF, TXT, LOG, CSV; 10 MB cada uno). Acepta If-Match e Idempotency-Key. Alcance: tickets:responder.")
            .WithMetadata(new ApiBody(typeof(ApiRespuesta), """{"mensaje":"Ya probé reiniciar y sigue igual."}""", "application/json", "multipart/form-data"))
            .Produces<ApiTicketResumen>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/tickets/{numero}/finalizar", FinalizeAsync)
            .WithName("FinalizarTicket").WithSummary("Cerrar un ticket resuelto, con la calificación (1–5) del solicitante")
            .WithDescription("Acepta If-Match e Idempotency-Key. Alcance: tickets:responder.")
            .WithMetadata(new ApiBody(typeof(ApiFinalizar), """{"calificacion":5,"comentario":"Atención rápida, gracias."}""", "application/json"))
            .Produces<ApiTicketResumen>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/tickets/{numero}/reabrir", ReopenAsync)
            .WithName("ReabrirTicket").WithSummary("Reabrir un ticket resuelto, con el motivo del solicitante")
            .WithDescription("Acepta If-Match e Idempotency-Key. Alcance: tickets:responder.")
            .WithMetadata(new ApiBody(typeof(ApiReabrir), """{"motivo":"El error volvió a aparecer esta mañana."}""", "application/json"))
            .Produces<ApiTicketResumen>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/tickets/{numero}/adjuntos/{id:long}", async (string numero, long id, ClaimsPrincipal user, IntegrationTickets tickets,
                HttpContext http, CancellationToken ct) =>
            {
                var found = await tickets.OpenAttachmentAsync(ApiCaller.From(user), numero, id, ct);
                if (found is not { } file)
                    throw new ApiProblemException(StatusCodes.Status404NotFound, "No encontrado", "No existe ese archivo en un ticket de esta clave.");
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
                return Results.File(file.Content, file.Attachment.ContentType, file.Attachment.FileName);
            })
            .WithName("DescargarAdjunto").WithSummary("Descargar un archivo de un mensaje público")
            .WithDescription("Alcance: tickets:leer.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, ClaimsPrincipal user, IntegrationTickets tickets,
        ApiIdempotencyAnswers answers, CancellationToken ct)
    {
        var caller = ApiCaller.From(user);
        caller.Require(ApiScopes.CrearTickets);
        var body = await ApiRequests.ReadJsonAsync<ApiNuevoTicket>(http);
        Validate(body.Value);
        return await IdempotentAsync(http, caller, body.Raw, answers, async request =>
        {
            var (ticket, _) = await tickets.RegisterAsync(caller, body.Value, request, ct);
            http.Response.Headers.ETag = IntegrationTickets.ETag(ticket.Version);
            return new CreatedAt(IntegrationTickets.Location(ticket.Numero), Results.Json(ticket, ApiProblems.Json, statusCode: StatusCodes.Status201Created));
        });
    }

    private static void Validate(ApiNuevoTicket body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Solicitante)) errors["solicitante"] = ["Indique el usuario o correo de la persona solicitante."];
        if (body.Tipo is null) errors["tipo"] = ["Indique el tipo: Incidencia o Peticion."];
        else if (body.Tipo == Siget.Core.Catalog.TicketKind.Problema) errors["tipo"] = ["Los problemas los registra el personal de la UTI."];
        if (body.Servicio is null) errors["servicio"] = ["Indique el código del servicio del catálogo."];
        if (string.IsNullOrWhiteSpace(body.Asunto)) errors["asunto"] = ["Indique el asunto."];
        if (string.IsNullOrWhiteSpace(body.Descripcion)) errors["descripcion"] = ["Indique la descripción."];
        if (body.Impacto is null) errors["impacto"] = ["Indique el impacto: Leve, Parcial o Total."];
        if (body.HayAlternativa is null) errors["hayAlternativa"] = ["Indique si hay equipos o sistemas alternativos (true o false)."];
        if (errors.Count > 0) throw ApiProblemException.BadRequest("Faltan datos o no son válidos.", errors);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, IntegrationTickets tickets, CancellationToken ct,
        string? solicitante = null, string? estado = null, string? desde = null, string? hasta = null, string? cursor = null, string? limite = null)
    {
        var errors = new Dictionary<string, string[]>();
        TicketState? state = null;
        if (estado is not null)
        {
            if (Enum.TryParse<TicketState>(estado, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(estado, out _)) state = s;
            else errors["estado"] = ["Estado desconocido: EnCola, EnProceso, Resuelto, Finalizado o Anulado."];
        }
        var from = Date(desde, "desde", errors);
        var to = Date(hasta, "hasta", errors);
        long? after = null;
        if (cursor is not null)
        {
            if (ApiCursor.TryDecode(cursor, out var id)) after = id;
            else errors["cursor"] = ["Cursor no válido: use el «siguienteCursor» de la página anterior."];
        }
        var limit = 50;
        if (limite is not null && (!int.TryParse(limite, out limit) || limit is < 1 or > IntegrationTickets.MaxPage))
            errors["limite"] = [$"El límite va de 1 a {IntegrationTickets.MaxPage}."];
        if (errors.Count > 0) throw ApiProblemException.BadRequest("Los filtros no son válidos.", errors);
        return Results.Json(await tickets.ListAsync(ApiCaller.From(user), new ApiTicketFilter(solicitante, state, from, to, after, limit), ct), ApiProblems.Json);
    }

    private static DateTime? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var value))
            return value.UtcDateTime;
        errors[field] = ["Fecha no válida: use ISO 8601 (2026-11-25 o 2026-11-25T15:00:00Z)."];
        return null;
    }

    private static async Task<IResult> ReplyAsync(string numero, HttpContext http, ClaimsPrincipal user, IntegrationTickets tickets,
        ApiIdempotencyAnswers answers, CancellationToken ct)
    {
        var caller = ApiCaller.From(user);
        caller.Require(ApiScopes.ResponderTickets);
        var version = ApiRequests.IfMatch(http);
        if (http.Request.HasFormContentType)
        {
            var (message, files, fingerprint) = await ApiUploads.ReadAsync(http);
            try
            {
                return await IdempotentAsync(http, caller, fingerprint, answers, async request =>
                    Changed(http, await tickets.ReplyAsync(caller, numero, message, files, version, request, ct)));
            }
            finally
            {
                foreach (var file in files) await file.Content.DisposeAsync();
            }
        }
        var body = await ApiRequests.ReadJsonAsync<ApiRespuesta>(http);
        if (string.IsNullOrWhiteSpace(body.Value.Mensaje)) throw ApiProblemException.Field("mensaje", "Escriba el mensaje.");
        return await IdempotentAsync(http, caller, body.Raw, answers, async request =>
            Changed(http, await tickets.ReplyAsync(caller, numero, body.Value.Mensaje, [], version, request, ct)));
    }

    private static async Task<IResult> FinalizeAsync(string numero, HttpContext http, ClaimsPrincipal user, IntegrationTickets tickets,
        ApiIdempotencyAnswers answers, CancellationToken ct)
    {
        var caller = ApiCaller.From(user);
        caller.Require(ApiScopes.ResponderTickets);
        var version = ApiRequests.IfMatch(http);
        var body = await ApiRequests.ReadJsonAsync<ApiFinalizar>(http);
        if (body.Value.Calificacion is not int rating || rating is < Satisfaction.MinRating or > Satisfaction.MaxRating)
            throw ApiProblemException.Field("calificacion", "La calificación va de 1 a 5.");
        return await IdempotentAsync(http, caller, body.Raw, answers, async request =>
            Changed(http, await tickets.FinalizeAsync(caller, numero, rating, body.Value.Comentario, version, request, ct)));
    }

    private static async Task<IResult> ReopenAsync(string numero, HttpContext http, ClaimsPrincipal user, IntegrationTickets tickets,
        ApiIdempotencyAnswers answers, CancellationToken ct)
    {
        var caller = ApiCaller.From(user);
        caller.Require(ApiScopes.ResponderTickets);
        var version = ApiRequests.IfMatch(http);
        var body = await ApiRequests.ReadJsonAsync<ApiReabrir>(http);
        if (string.IsNullOrWhiteSpace(body.Value.Motivo)) throw ApiProblemException.Field("motivo", "Indique el motivo de la reapertura.");
        return await IdempotentAsync(http, caller, body.Raw, answers, async request =>
            Changed(http, await tickets.ReopenAsync(caller, numero, body.Value.Motivo, version, request, ct)));
    }

    private static IResult Changed(HttpContext http, ApiTicketResumen ticket)
    {
        http.Response.Headers.ETag = IntegrationTickets.ETag(ticket.Version);
        return Results.Json(ticket, ApiProblems.Json);
    }

    /// <summary>Runs a POST once per Idempotency-Key: a replay gets the first answer, and so does a concurrent twin that
    /// lost the race (<see cref="ApiIdempotencyAnswers.OnceAsync{T}"/>).</summary>
    private static async Task<IResult> IdempotentAsync(HttpContext http, ApiCaller caller, string fingerprint,
        ApiIdempotencyAnswers answers, Func<IdempotentRequest?, Task<IResult>> run)
    {
        var (request, replay) = await ApiRequests.IdempotencyAsync(http, caller, fingerprint, answers);
        if (replay is not null) return replay;
        return await answers.OnceAsync(request, () => run(request), http.RequestAborted)
            ?? await ApiRequests.ReplayAsync(http, request!, answers)
            ?? throw new InvalidOperationException("The twin's answer was found and is gone.");
    }

    /// <summary>Every refusal as a Spanish problem: the API's own, a missing scope, a stale version, a broken rule.</summary>
    private static async ValueTask<object?> AnswerProblemsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (ApiProblemException ex)
        {
            return ApiProblems.Result(http, ex.Status, ex.Title, ex.Message, ex.Errors);
        }
        catch (ApiForbiddenException ex)
        {
            return ApiProblems.Result(http, StatusCodes.Status403Forbidden, "Sin permiso",
                $"La clave no tiene el alcance «{ex.Scope}» que esta operación necesita.");
        }
        catch (TicketConflictException)
        {
            return http.Request.Headers.IfMatch.Count > 0
                ? ApiProblems.Result(http, StatusCodes.Status412PreconditionFailed, "Versión desactualizada",
                    "El ticket cambió desde la versión indicada en If-Match. Léalo de nuevo y repita la operación con su nueva ETag.")
                : ApiProblems.Result(http, StatusCodes.Status409Conflict, "Conflicto",
                    "El ticket cambió mientras se procesaba la solicitud. Léalo de nuevo y repita la operación.");
        }
        catch (DomainException ex) when (ex.Message == "No se encontró el ticket.")
        {
            return ApiProblems.Result(http, StatusCodes.Status404NotFound, "No encontrado", "No existe un ticket con ese número para esta clave.");
        }
        catch (DomainException ex)
        {
            return ApiProblems.Result(http, StatusCodes.Status422UnprocessableEntity, "No se puede realizar", ex.Message,
                ex.Field is null ? null : new Dictionary<string, string[]> { [JsonNamingPolicy.CamelCase.ConvertName(ex.Field)] = [ex.Message] });
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.Result(http, StatusCodes.Status413PayloadTooLarge, "Cuerpo demasiado grande", "El cuerpo supera el máximo admitido.");
        }
        catch (BadHttpRequestException)
        {
            return ApiProblems.Result(http, StatusCodes.Status400BadRequest, "Solicitud no válida", "No se pudo leer la solicitud.");
        }
    }

    private static class Examples
    {
        public const string NewTicket = """
            {"solicitante":"usuario1","tipo":"Incidencia","servicio":33,"asunto":"SISMONITOR muestra un error al guardar",
             "descripcion":"Al guardar la ficha de intervención aparece «Error 500».","impacto":"Parcial","hayAlternativa":false}
            """;
    }

    /// <summary>201 with a Location header.</summary>
    private sealed class CreatedAt(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
