using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Siget.Console.Services.Tickets;
using Siget.Console.Tests.Infrastructure;
using Siget.Core;
using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Priorities;
using Siget.Core.Tickets;

namespace Siget.Console.Tests.Security;

/// <summary>A citizen without an account follows their ticket on the public "Consultar ticket" page with its number and code.</summary>
public sealed class CitizenLookupTests : IAsyncLifetime
{
    private readonly SigetAppFactory _app = new(settings: new Dictionary<string, string> { ["ConsultaCiudadana:PermitLimit"] = "6" });
    private Actor _technician = default!;
    private int _tamboId;

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        _technician = await _app.AddPersonAsync("tecnico1", Role.Tecnico, "Luis Mendoza Ríos");
        _tamboId = (await _app.AddUnitAsync("Tambo Paucartambo (Cusco)", servesCitizens: true, kind: Siget.Console.Data.UnitKind.Tambo)).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<RegisteredTicket> RegisterForCitizenAsync(Channel channel = Channel.Presencial, string document = "45871236") =>
        _app.Service<TicketRegistration>().RegisterWithCodeAsync(_technician, new RegisterTicketRequest
        {
            Channel = channel, Kind = TicketKind.Peticion, SubcategoryCode = 15, Subject = "Constancia no se imprime en el Tambo",
            Description = "La impresora del Tambo no imprime la constancia del ciudadano.", Impact = OperatingImpact.Parcial, AlternativeAvailable = true,
            Citizen = new CitizenRequest { FullName = "Rosa Huamaní Quispe", Document = document, UnitId = _tamboId },
        });

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<(HttpStatusCode Status, string Page)> LookUpAsync(HttpClient client, string number, string code)
    {
        var form = await client.GetStringAsync("/consulta");
        var token = HtmlForms.Token(form);
        var response = await client.PostAsync("/consulta", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "consulta", ["__RequestVerificationToken"] = token, ["Input.Number"] = number, ["Input.Code"] = code,
        }));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_citizen_s_ticket_gets_a_readable_code_that_is_stored_only_as_a_hash()
    {
        var (ticket, code) = await RegisterForCitizenAsync();

        code.Should().MatchRegex("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$", "no 0, O, 1, I or L to misread");
        await using var db = _app.CreateDbContext();
        var stored = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id);
        stored.AccessCodeHash.Should().NotBeNullOrEmpty().And.NotContain(code!).And.NotContain(AccessCode.Normalize(code));
        (stored.RequesterName, stored.CitizenDocument, stored.UnitName, stored.Preferential).Should()
            .Be(("Rosa Huamaní Quispe", "45871236", "Tambo Paucartambo (Cusco)", true));
        (await RegisterForCitizenAsync()).AccessCode.Should().NotBe(code, "every ticket gets its own code");
    }

    [Theory]
    [InlineData(Channel.CorreoElectronico, "45871236", "Los tickets de ciudadanos se registran por teléfono o en forma presencial.")]
    [InlineData(Channel.Telefono, "123", "El documento de identidad debe tener al menos 8 letras o dígitos (DNI o carné de extranjería).")]
    public async Task Citizen_tickets_come_by_phone_or_in_person_with_a_valid_document(Channel channel, string document, string message)
    {
        var act = () => RegisterForCitizenAsync(channel, document);
        (await act.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be(message);
    }

    [Fact]
    public async Task The_right_number_and_code_show_state_dates_and_public_replies_only()
    {
        var (ticket, code) = await RegisterForCitizenAsync();
        var conversation = _app.Service<TicketConversation>();
        ticket = await _app.Service<TicketCommands>().TakeAsync(_technician, ticket.Id, ticket.Version);
        await conversation.ReplyAsync(_technician, ticket.Id, "Estamos cambiando el tóner; mañana queda listo.", isInternal: false);
        await conversation.ReplyAsync(_technician, ticket.Id, "Pedir tóner al almacén central.", isInternal: true);

        var (status, page) = await LookUpAsync(Client(), ticket.Number, code!.ToLowerInvariant().Replace("-", " "));

        status.Should().Be(HttpStatusCode.OK);
        page.Should().Contain($"Ticket {ticket.Number}").And.Contain("En proceso").And.Contain("En atención por soporte")
            .And.Contain("Estamos cambiando el tóner; mañana queda listo.");
        page.Should().NotContain("Pedir tóner al almacén central.", "internal notes are for the UTI");
        page.Should().NotContain("45871236", "the citizen's document is not shown back");
    }

    [Fact]
    public async Task A_wrong_code_and_a_wrong_number_look_identical()
    {
        var (ticket, code) = await RegisterForCitizenAsync();
        var other = await RegisterForCitizenAsync();
        var client = Client();

        var wrongCode = await LookUpAsync(client, ticket.Number, other.AccessCode!);
        var wrongNumber = await LookUpAsync(client, "2026-999999", code!);

        wrongCode.Status.Should().Be(HttpStatusCode.OK);
        wrongCode.Page.Should().Contain("No encontramos un ticket con ese número y código.");
        HtmlForms.Comparable(wrongCode.Page, ticket.Number).Should().Be(HtmlForms.Comparable(wrongNumber.Page, "2026-999999"));
        wrongCode.Page.Should().NotContain(ticket.Subject);
    }

    [Fact]
    public async Task Too_many_attempts_from_one_client_are_refused_with_a_clear_Spanish_message()
    {
        var client = Client();
        for (var i = 0; i < 6; i++)
            (await LookUpAsync(client, "2026-000001", "AAAA-BBBB-CCCC")).Status.Should().Be(HttpStatusCode.OK);

        var (status, page) = await LookUpAsync(client, "2026-000001", "AAAA-BBBB-CCCC");

        status.Should().Be(HttpStatusCode.TooManyRequests);
        page.Should().Contain("Demasiados intentos").And.Contain("espere unos minutos");
        (await client.GetAsync("/consulta")).StatusCode.Should().Be(HttpStatusCode.OK, "only lookups count, not opening the page");
    }
}
