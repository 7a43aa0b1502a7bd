using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Integrations;
using Siget.Console.Services.Tickets;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;
using Siget.Console.Tests.Infrastructure;

namespace Siget.Console.Tests.Api;

public class PublicApiTests(ApiDesk f) : IClassFixture<ApiDesk>
{
    [Fact]
    public async Task A_key_registers_a_ticket_for_a_requester_exactly_as_the_portal_would_and_reads_it_back()
    {
        var client = f.Client(f.Sismonitor.Text);
        var response = await client.PostAsJsonAsync("/api/v1/tickets", ApiDesk.NewTicket("Error al guardar ficha"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await ApiDesk.ReadAsync(response);
        var number = created.GetProperty("numero").GetString()!;
        response.Headers.Location!.ToString().Should().Be($"/api/v1/tickets/{number}");
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        created.GetProperty("canal").GetString().Should().Be("SISMONITOR");
        created.GetProperty("prioridad").GetString().Should().Be("Alta");
        created.GetProperty("estado").GetString().Should().Be("En cola");

        var read = await client.GetAsync($"/api/v1/tickets/{number}");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var ticket = await ApiDesk.ReadAsync(read);
        ticket.GetProperty("solicitante").GetString().Should().Be("María Flores Condori");
        ticket.GetProperty("estadoSolicitante").GetString().Should().Contain("esperando a un técnico");
        ticket.GetProperty("servicio").GetProperty("codigo").GetInt32().Should().Be(33);

        await using var db = f.App.CreateDbContext();
        var stored = await db.Tickets.Include(t => t.History).SingleAsync(t => t.Number == number);
        stored.Channel.Should().Be(Channel.Sismonitor);
        stored.RequesterId.Should().Be(f.Requester.UserId);
        stored.RegisteredByName.Should().Be("SISMONITOR");
        stored.History.Single().ActorName.Should().Be("SISMONITOR");
        db.AuditEntries.Should().Contain(a => a.Action == "Ticket registrado por API" && a.Subject == number && a.ActorName == "SISMONITOR");
    }

    [Fact]
    public async Task A_ticket_registered_through_the_API_reaches_open_queues_live_and_its_history_names_the_key_and_the_requester()
    {
        var events = new System.Collections.Concurrent.ConcurrentQueue<Siget.Console.Live.TicketChanged>();
        using var technicianScreen = f.App.Service<Siget.Console.Live.TicketFeed>().Subscribe(f.Technician, change =>
        {
            events.Enqueue(change);
            return Task.CompletedTask;
        });
        using var otherRequesterScreen = f.App.Service<Siget.Console.Live.TicketFeed>().Subscribe(f.OtherRequester, change =>
        {
            events.Enqueue(change with { ActorName = "ajeno" });
            return Task.CompletedTask;
        });

        var created = await ApiDesk.ReadAsync(await f.Client(f.Sismonitor.Text).PostAsJsonAsync("/api/v1/tickets",
            ApiDesk.NewTicket($"{HelpDeskFixture.NewTag()} en vivo")));
        var number = created.GetProperty("numero").GetString()!;

        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (!events.Any(e => e.Number == number) && DateTime.UtcNow < giveUp) await Task.Delay(20);
        var live = events.Where(e => e.Number == number).Should().ContainSingle("the technician's queue hears it once; the other requester, never").Subject;
        (live.Action, live.State, live.ActorName).Should().Be((TicketAction.Registrar, TicketState.EnCola, "SISMONITOR"));
        var queue = await f.Queries.QueueAsync(f.Technician, new QueueFilter { View = QueueView.MiNivel, Search = number }, 0, 10);
        queue.Rows.Select(r => r.Number).Should().Equal(number);

        var history = (await f.Queries.GetAsync(f.Technician, number))!.History;
        var registered = history.Should().ContainSingle().Subject;
        (registered.ActorName, registered.Reason).Should().Be(("SISMONITOR", "Canal: SISMONITOR · Para María Flores Condori · Prioridad Alta"));
    }

    [Fact]
    public async Task The_requester_is_found_by_DNI_and_the_case_can_be_placed_at_a_Tambo_while_an_unknown_Tambo_gets_422()
    {
        var tag = HelpDeskFixture.NewTag();
        var tambo = await f.App.AddUnitAsync($"Tambo Ñahuimpuquio {tag}", servesCitizens: true, kind: Siget.Console.Data.UnitKind.Tambo);
        var person = await f.App.AddPersonAsync("dni." + tag, Role.Usuario, "Rosa Quispe Mamani");
        var people = f.App.Service<Siget.Console.Services.People.UserAdministration>();
        var dni = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var form = (await people.ListAsync(f.Admin, new Siget.Console.Services.People.UserQuery(person.Name), 0, 5)).Rows.Single(r => r.Id == person.UserId).ToForm();
        form.Dni = $"{dni[..4]} {dni[4..]}"; // as typed, with a space
        await people.UpdateAsync(f.Admin, person.UserId, form);
        var client = f.Client(f.Sismonitor.Text);

        var units = await ApiDesk.ReadAsync(await client.GetAsync("/api/v1/unidades"));
        units.EnumerateArray().Select(u => u.GetProperty("nombre").GetString()).Should().Contain(tambo.Name);
        var body = new Dictionary<string, object>
        {
            ["solicitante"] = dni, ["tipo"] = "Incidencia", ["servicio"] = 33, ["asunto"] = $"{tag} desde el Tambo",
            ["descripcion"] = "El equipo del Tambo no imprime.", ["impacto"] = "Parcial", ["hayAlternativa"] = true,
            ["unidad"] = tambo.Name.ToUpperInvariant().Replace("Ñ", "N"), // case and accents aside
        };
        var created = await client.PostAsJsonAsync("/api/v1/tickets", body);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var ticket = await ApiDesk.ReadAsync(created);
        ticket.GetProperty("solicitante").GetString().Should().Be("Rosa Quispe Mamani");
        ticket.GetProperty("unidad").GetString().Should().Be(tambo.Name);
        await using (var db = f.App.CreateDbContext())
            (await db.Tickets.SingleAsync(t => t.Number == ticket.GetProperty("numero").GetString())).Preferential
                .Should().BeTrue("a Tambo that attends citizens is served first within its priority, as from the portal");

        body["unidad"] = "Tambo que no existe";
        var unknown = await client.PostAsJsonAsync("/api/v1/tickets", body);
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await ApiDesk.ReadAsync(unknown);
        problem.GetProperty("title").GetString().Should().Be("Unidad desconocida");
        problem.GetProperty("errors").GetProperty("unidad").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task The_requester_is_found_by_e_mail_too_and_an_unknown_one_gets_422()
    {
        await using (var db = f.App.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "usuario2");
            user.Email = "pedro.huaman@siget.example";
            user.NormalizedEmail = user.Email.ToUpperInvariant();
            await db.SaveChangesAsync();
        }
        var client = f.Client(f.Sismonitor.Text);
        (await client.PostAsJsonAsync("/api/v1/tickets", ApiDesk.NewTicket("Por correo", "Pedro.Huaman@siget.example")))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var unknown = await client.PostAsJsonAsync("/api/v1/tickets", ApiDesk.NewTicket("Nadie", "no-existe"));
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await ApiDesk.ReadAsync(unknown);
        problem.GetProperty("title").GetString().Should().Be("Solicitante desconocido");
        problem.GetProperty("errors").GetProperty("solicitante").GetArrayLength().Should().Be(1);
        var inactive = await client.PostAsJsonAsync("/api/v1/tickets", ApiDesk.NewTicket("Inactivo", "retirado"));
        inactive.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Fields_the_domain_computes_are_refused_and_named()
    {
        var raw = """
            {"solicitante":"usuario1","tipo":"Incidencia","servicio":33,"asunto":"x","descripcion":"y","impacto":"Leve","hayAlternativa":true,
             "prioridad":"Alta","estado":"Resuelto","asignadoA":"tecnico1","nivel":"Nivel4","registradoEn":"2026-01-01"}
            """;
        var response = await f.Client(f.Sismonitor.Text).PostAsync("/api/v1/tickets", ApiDesk.Json(raw));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await ApiDesk.ReadAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("prioridad", "estado", "asignadoA", "nivel", "registradoEn");
    }

    [Theory]
    [InlineData("{\"solicitante\":", "$")]
    [InlineData("[1,2]", "$")]
    [InlineData("{\"solicitante\":\"usuario1\",\"tipo\":\"Incidencia\",\"servicio\":\"treinta\",\"asunto\":\"a\",\"descripcion\":\"b\",\"impacto\":\"Total\",\"hayAlternativa\":false}", "servicio")]
    [InlineData("{\"solicitante\":\"usuario1\",\"tipo\":\"Incidencia\",\"servicio\":33,\"asunto\":\"a\",\"descripcion\":\"b\",\"impacto\":\"Enorme\",\"hayAlternativa\":false}", "impacto")]
    [InlineData("{\"solicitante\":\"usuario1\",\"tipo\":\"Incidencia\",\"servicio\":33,\"asunto\":\"a\",\"descripcion\":\"b\",\"impacto\":3,\"hayAlternativa\":false}", "impacto")]
    [InlineData("{\"tipo\":\"Incidencia\"}", "solicitante")]
    public async Task Malformed_json_wrong_types_and_unknown_enum_values_get_400_naming_the_field(string raw, string field)
    {
        var response = await f.Client(f.Sismonitor.Text).PostAsync("/api/v1/tickets", ApiDesk.Json(raw));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await ApiDesk.ReadAsync(response);
        problem.GetProperty("status").GetInt32().Should().Be(400);
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_wrong_content_type_gets_415_and_an_oversized_body_413()
    {
        var client = f.Client(f.Sismonitor.Text);
        var text = await client.PostAsync("/api/v1/tickets", new StringContent("solicitante=usuario1", Encoding.UTF8, "text/plain"));
        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await ApiDesk.ReadAsync(text)).GetProperty("title").GetString().Should().Be("Tipo de contenido no admitido");

        var huge = "{\"asunto\":\"" + new string('x', 70_000) + "\"}";
        var big = await client.PostAsync("/api/v1/tickets", ApiDesk.Json(huge));
        big.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_sign_in_cookie_is_not_accepted_by_the_api()
    {
        var (client, _) = await f.App.SignInAsync("admin");
        var response = await client.GetAsync("/api/v1/catalogo");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_without_the_scope_gets_403()
    {
        var readOnly = await f.Keys.CreateAsync(f.Admin, new ApiKeyForm { Name = "Solo catálogo", Scopes = [ApiScopes.LeerCatalogo] });
        var client = f.Client(readOnly.Text);

        (await client.GetAsync("/api/v1/catalogo")).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await client.PostAsJsonAsync("/api/v1/tickets", ApiDesk.NewTicket("Sin alcance"));
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ApiDesk.ReadAsync(refused)).GetProperty("detail").GetString().Should().Contain("tickets:crear");
        (await client.GetAsync("/api/v1/tickets")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_key_reads_only_its_channels_tickets_and_anything_else_is_404_like_a_missing_one()
    {
        var mine = await f.RegisterThroughApiAsync("De SISMONITOR");
        var phoned = await f.RegisterAsync("Por teléfono");
        var portal = f.Client(f.Portal.Text);

        var other = await portal.GetAsync($"/api/v1/tickets/{mine}");
        var phone = await portal.GetAsync($"/api/v1/tickets/{phoned.Number}");
        var missing = await portal.GetAsync("/api/v1/tickets/2026-999999");
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
        phone.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var bodies = new[] { other, phone, missing }.Select(r => r.Content.ReadAsStringAsync().Result.Replace(r.RequestMessage!.RequestUri!.AbsolutePath, ""));
        bodies.Distinct().Should().ContainSingle();
        (await f.Client(f.Sismonitor.Text).GetAsync($"/api/v1/tickets/{phoned.Number}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await portal.PostAsJsonAsync($"/api/v1/tickets/{mine}/respuestas", new { mensaje = "hola" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_result_and_another_body_gets_409()
    {
        var client = f.Client(f.Sismonitor.Text);
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Post(string subject) => new(HttpMethod.Post, "/api/v1/tickets")
        {
            Content = JsonContent.Create(ApiDesk.NewTicket(subject)), Headers = { { "Idempotency-Key", key } },
        };

        var first = await client.SendAsync(Post("Idempotente"));
        var again = await client.SendAsync(Post("Idempotente"));
        var other = await client.SendAsync(Post("Otro cuerpo"));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.Created);
        again.Headers.Location.Should().Be(first.Headers.Location);
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        other.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await using var db = f.App.CreateDbContext();
        db.Tickets.Count(t => t.Subject == "Idempotente").Should().Be(1);
    }

    [Fact]
    public async Task Two_clients_sending_the_same_idempotency_key_at_once_create_one_ticket()
    {
        var key = Guid.NewGuid().ToString();
        var subject = "Concurrente " + HelpDeskFixture.NewTag();
        async Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
            {
                Content = JsonContent.Create(ApiDesk.NewTicket(subject)), Headers = { { "Idempotency-Key", key } },
            };
            return await f.Client(f.Sismonitor.Text).SendAsync(request);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Send()));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        responses.Select(r => r.Headers.Location!.ToString()).Distinct().Should().ContainSingle();
        await using var db = f.App.CreateDbContext();
        db.Tickets.Count(t => t.Subject == subject).Should().Be(1);
    }

    [Fact]
    public async Task A_stale_if_match_gets_412_and_the_current_one_changes_the_ticket()
    {
        var number = await f.RegisterThroughApiAsync("Para responder");
        var client = f.Client(f.Sismonitor.Text);
        var read = await client.GetAsync($"/api/v1/tickets/{number}");
        var etag = read.Headers.ETag!.Tag;
        await using (var db = f.App.CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Number == number);
            await f.Commands.TakeAsync(f.Technician, ticket.Id, ticket.Version); // someone else changes it meanwhile
        }

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{number}/respuestas") { Content = JsonContent.Create(new { mensaje = "¿Novedades?" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var refused = await client.SendAsync(stale);
        refused.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);

        var fresh = await client.GetAsync($"/api/v1/tickets/{number}");
        var retry = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{number}/respuestas") { Content = JsonContent.Create(new { mensaje = "¿Novedades?" }) };
        retry.Headers.IfMatch.Add(fresh.Headers.ETag!);
        (await client.SendAsync(retry)).StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await ApiDesk.ReadAsync(await client.GetAsync($"/api/v1/tickets/{number}"));
        after.GetProperty("mensajes")[0].GetProperty("autor").GetString().Should().Be("María Flores Condori (vía SISMONITOR)");
        after.GetProperty("asignadoA").GetString().Should().Be("Luis Mendoza Ríos");
        await using var audited = f.App.CreateDbContext();
        audited.AuditEntries.Count(a => a.Action == "Respuesta por API" && a.Subject == number)
            .Should().Be(1, "the refused reply left no trace; the accepted one, one entry written with it");
    }

    [Fact]
    public async Task The_requester_closes_with_a_rating_or_reopens_with_a_reason_through_the_key()
    {
        var number = await f.RegisterThroughApiAsync("Para cerrar");
        int id;
        await using (var db = f.App.CreateDbContext()) id = (await db.Tickets.SingleAsync(t => t.Number == number)).Id;
        var taken = await f.Commands.TakeAsync(f.Technician, id, 1);
        var resolved = await f.Commands.ResolveAsync(f.Technician, id, taken.Version, "Se reinició el servicio.");
        var client = f.Client(f.Sismonitor.Text);

        var shown = await ApiDesk.ReadAsync(await client.GetAsync($"/api/v1/tickets/{number}"));
        shown.GetProperty("solucion").GetString().Should().Be("Se reinició el servicio.");
        (await client.PostAsJsonAsync($"/api/v1/tickets/{number}/finalizar", new { calificacion = 9 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var reopened = await client.PostAsJsonAsync($"/api/v1/tickets/{number}/reabrir", new { motivo = "Sigue fallando" });
        reopened.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApiDesk.ReadAsync(reopened)).GetProperty("estadoCodigo").GetString().Should().Be("EnProceso");
        var again = await f.Commands.ResolveAsync(f.Technician, id, resolved.Version + 1, "Se cambió el cable.");
        var closed = await client.PostAsJsonAsync($"/api/v1/tickets/{number}/finalizar", new { calificacion = 5, comentario = "Gracias" });
        closed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApiDesk.ReadAsync(closed)).GetProperty("estadoCodigo").GetString().Should().Be("Finalizado");
        var twice = await client.PostAsJsonAsync($"/api/v1/tickets/{number}/finalizar", new { calificacion = 5 });
        twice.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        await using var check = f.App.CreateDbContext();
        var stored = await check.Tickets.Include(t => t.History).SingleAsync(t => t.Id == id);
        stored.SatisfactionRating.Should().Be(5);
        stored.History.Last().ActorName.Should().Be("María Flores Condori (vía SISMONITOR)");
        again.Version.Should().BeLessThan(stored.Version);
        check.AuditEntries.Where(a => a.Subject == number && a.ActorName == "SISMONITOR").Select(a => a.Action).ToList()
            .Should().BeEquivalentTo(["Ticket registrado por API", "Ticket reabierto por API", "Ticket finalizado por API"], "one entry per accepted change");
    }

    [Fact]
    public async Task Internal_notes_and_staff_e_mails_never_reach_the_api()
    {
        var number = await f.RegisterThroughApiAsync("Con nota interna");
        int id;
        await using (var db = f.App.CreateDbContext()) id = (await db.Tickets.SingleAsync(t => t.Number == number)).Id;
        var conversation = f.App.Service<Siget.Console.Services.Tickets.TicketConversation>();
        await conversation.ReplyAsync(f.Technician, id, "Clave del router: secreta-123", isInternal: true);
        await conversation.ReplyAsync(f.Technician, id, "Estamos revisando", isInternal: false);

        var body = await (await f.Client(f.Sismonitor.Text).GetAsync($"/api/v1/tickets/{number}")).Content.ReadAsStringAsync();
        body.Should().Contain("Estamos revisando").And.NotContain("secreta-123").And.NotContain("@");
    }

    [Fact]
    public async Task The_list_pages_with_a_cursor_that_new_tickets_do_not_disturb()
    {
        var requester = await f.App.AddPersonAsync("paginado" + HelpDeskFixture.NewTag(), Role.Usuario, "Paginado");
        var userName = (await f.App.CreateDbContext().Users.SingleAsync(u => u.Id == requester.UserId)).UserName!;
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++) numbers.Add(await f.RegisterThroughApiAsync($"Página {i}", requester: userName));
        var client = f.Client(f.Sismonitor.Text);

        var first = await ApiDesk.ReadAsync(await client.GetAsync($"/api/v1/tickets?solicitante={userName}&limite=2"));
        await f.RegisterThroughApiAsync("Llega mientras pagina", requester: userName);
        var cursor = first.GetProperty("siguienteCursor").GetString();
        var second = await ApiDesk.ReadAsync(await client.GetAsync($"/api/v1/tickets?solicitante={userName}&limite=2&cursor={cursor}"));
        var third = await ApiDesk.ReadAsync(await client.GetAsync($"/api/v1/tickets?solicitante={userName}&limite=2&cursor={second.GetProperty("siguienteCursor").GetString()}"));

        var seen = new[] { first, second, third }.SelectMany(p => p.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("numero").GetString()!)).ToList();
        seen.Should().Equal(Enumerable.Reverse(numbers));
        third.GetProperty("siguienteCursor").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (await client.GetAsync("/api/v1/tickets?estado=Cerrado")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/tickets?cursor=%%%")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Files_go_up_with_the_screens_rules_and_come_down_for_the_key()
    {
        var number = await f.RegisterThroughApiAsync("Con archivos");
        var client = f.Client(f.Sismonitor.Text);
        MultipartFormDataContent Form(string name, byte[] content)
        {
            var form = new MultipartFormDataContent { { new StringContent("Adjunto el registro"), "mensaje" } };
            form.Add(new ByteArrayContent(content), "archivos", name);
            return form;
        }

        var refusedKind = await client.PostAsync($"/api/v1/tickets/{number}/respuestas", Form("programa.exe", "MZ..."u8.ToArray()));
        refusedKind.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var fakePng = await client.PostAsync($"/api/v1/tickets/{number}/respuestas", Form("captura.png", "no soy png"u8.ToArray()));
        fakePng.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var tooBig = await client.PostAsync($"/api/v1/tickets/{number}/respuestas", Form("grande.txt", new byte[AttachmentRules.MaxBytes + 1]));
        tooBig.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);

        var ok = await client.PostAsync($"/api/v1/tickets/{number}/respuestas", Form("registro.log", "error 42\n"u8.ToArray()));
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        var ticket = await ApiDesk.ReadAsync(await client.GetAsync($"/api/v1/tickets/{number}"));
        var file = ticket.GetProperty("mensajes")[0].GetProperty("adjuntos")[0];
        var download = await client.GetAsync(file.GetProperty("url").GetString());
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsStringAsync()).Should().Be("error 42\n");
        (await f.Client(f.Portal.Text).GetAsync(file.GetProperty("url").GetString())).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_catalog_lists_services_with_codes_and_marks_retired_ones()
    {
        await f.Catalog.SetRetiredAsync(f.Supervisor with { Role = Role.Administrador }, 26, true).ContinueWith(_ => { });
        var catalog = await ApiDesk.ReadAsync(await f.Client(f.Sismonitor.Text).GetAsync("/api/v1/catalogo"));
        var services = catalog.EnumerateArray().SelectMany(c => c.GetProperty("servicios").EnumerateArray()).ToList();
        services.Should().HaveCountGreaterThanOrEqualTo(43);
        services.Should().Contain(s => s.GetProperty("codigo").GetInt32() == 33 && s.GetProperty("codigoTexto").GetString() == "33");
    }
}

public class ApiRateLimitTests
{
    [Fact]
    public async Task Each_key_has_its_own_limit_answered_with_429_and_retry_after()
    {
        await using var app = new Infrastructure.SigetAppFactory(settings: new Dictionary<string, string> { ["Api:PermitLimit"] = "3", ["Api:WindowSeconds"] = "600" });
        var admin = await app.AddPersonAsync("admin", Role.Administrador, "Admin");
        var keys = app.Service<ApiKeyAdministration>();
        var a = await keys.CreateAsync(admin, new ApiKeyForm { Name = "A", Scopes = [ApiScopes.LeerCatalogo] });
        var b = await keys.CreateAsync(admin, new ApiKeyForm { Name = "B", Scopes = [ApiScopes.LeerCatalogo] });
        HttpClient Client(string key)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return client;
        }

        for (var i = 0; i < 3; i++) (await Client(a.Text).GetAsync("/api/v1/catalogo")).StatusCode.Should().Be(HttpStatusCode.OK);
        var limited = await Client(a.Text).GetAsync("/api/v1/catalogo");

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.Should().NotBeNull();
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Client(b.Text).GetAsync("/api/v1/catalogo")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

/// <summary>Keys over time (expiry, rotation's grace period): each test has its own SIGET, whose clock only moves forward.</summary>
public class ApiKeyLifetimeTests
{
    [Fact]
    public async Task Missing_wrong_revoked_and_expired_keys_all_get_the_same_401()
    {
        await using var f = await ApiDesk.StartAsync();
        var revoked = await f.Keys.CreateAsync(f.Admin, new ApiKeyForm { Name = "Revocada", Scopes = ApiScopes.All });
        await f.Keys.RevokeAsync(f.Admin, revoked.Key.Id);
        var expiring = await f.Keys.CreateAsync(f.Admin, new ApiKeyForm
        {
            Name = "Vence", Scopes = ApiScopes.All, ExpiresAtUtc = f.App.Clock.GetUtcNow().UtcDateTime.AddDays(400),
        });
        var wrongSecret = f.Sismonitor.Text[..^4] + "0000";

        var bodies = new List<string>();
        foreach (var key in new[] { null, "basura", wrongSecret, revoked.Text, "sgt_noexiste00000000_abc" })
        {
            var response = await f.Client(key).GetAsync("/api/v1/catalogo");
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, key ?? "sin clave");
            bodies.Add(await response.Content.ReadAsStringAsync());
        }
        (await f.Client(expiring.Text).GetAsync("/api/v1/catalogo")).StatusCode.Should().Be(HttpStatusCode.OK);
        f.App.Clock.Advance(TimeSpan.FromDays(401));
        {
            var expired = await f.Client(expiring.Text).GetAsync("/api/v1/catalogo");
            expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            bodies.Add(await expired.Content.ReadAsStringAsync());
        }
        bodies.Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Guessing_keys_from_one_address_is_stopped_with_429_and_every_wrong_key_before_gets_the_same_401()
    {
        await using var f = await ApiDesk.StartAsync();
        var limit = new ApiLimits().WrongKeyLimit;

        var bodies = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            var wrong = await f.Client($"sgt_adivina{i:D8}_{Guid.NewGuid():N}").GetAsync("/api/v1/catalogo");
            wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            bodies.Add(await wrong.Content.ReadAsStringAsync());
        }
        bodies.Distinct().Should().ContainSingle("a guess learns nothing from the answer");

        var refused = await f.Client("sgt_adivinaotra00_x").GetAsync("/api/v1/catalogo");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().BePositive();
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("claves de API erradas");
        (await f.Client(f.Sismonitor.Text).GetAsync("/api/v1/catalogo")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests,
            "from an address that guessed, even the right key waits, so the one right guess does not stand out");
    }

    [Fact]
    public async Task A_rotated_key_keeps_the_old_secret_valid_only_during_the_grace_period()
    {
        await using var f = await ApiDesk.StartAsync();
        var key = await f.Keys.CreateAsync(f.Admin, new ApiKeyForm { Name = "Rotada", Scopes = [ApiScopes.LeerCatalogo] });
        var rotated = await f.Keys.RotateAsync(f.Admin, key.Key.Id, TimeSpan.FromHours(2));

        rotated.Text.Should().NotBe(key.Text);
        (await f.Client(key.Text).GetAsync("/api/v1/catalogo")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await f.Client(rotated.Text).GetAsync("/api/v1/catalogo")).StatusCode.Should().Be(HttpStatusCode.OK);
        f.App.Clock.Advance(TimeSpan.FromHours(3));
        {
            (await f.Client(key.Text).GetAsync("/api/v1/catalogo")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await f.Client(rotated.Text).GetAsync("/api/v1/catalogo")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        await using var db = f.App.CreateDbContext();
        db.AuditEntries.Where(a => a.Subject.StartsWith("Rotada")).Select(a => a.Action).Should().BeEquivalentTo("Clave de API creada", "Clave de API rotada");
        db.ApiKeys.Single(k => k.Id == key.Key.Id).LastUsedAtUtc.Should().NotBeNull();
    }

}
