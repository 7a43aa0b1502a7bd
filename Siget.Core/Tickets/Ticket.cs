using Siget.Core.Access;
using Siget.Core.Catalog;
using Siget.Core.Escalation;
using Siget.Core.Priorities;
using Siget.Core.Sla;

namespace Siget.Core.Tickets;

/// <summary>
/// An incident, request or problem, from registration to closing. Every change of state, level or assignee goes
/// through <see cref="TicketTransitions"/>, appends one <see cref="TicketHistoryEntry"/> and bumps <see cref="Version"/>
/// (the concurrency token that stops two people from overwriting each other). Replies and notes are their own
/// immutable record (<see cref="TicketMessage"/>); the first public reply also stamps the first response.
/// </summary>
public sealed partial class Ticket
{
    private readonly List<TicketHistoryEntry> _history = [];

    private Ticket()
    {
        Number = ""; Subject = ""; Description = ""; RequesterId = ""; RequesterName = "";
        RegisteredById = ""; RegisteredByName = "";
    }

    public int Id { get; private set; }
    public string Number { get; private set; }
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public TicketKind Kind { get; private set; }
    public Channel Channel { get; private set; }
    public int SubcategoryCode { get; private set; }
    public string Subject { get; private set; }
    public string Description { get; private set; }
    public OperatingImpact Impact { get; private set; }
    public bool AlternativeAvailable { get; private set; }
    public Priority Priority { get; private set; }
    /// <summary>Requested by top management or a citizen-facing service: served first within its priority (MTPE 6.3.e).</summary>
    public bool Preferential { get; private set; }
    public string RequesterId { get; private set; }
    public string RequesterName { get; private set; }
    /// <summary>For a citizen (no account): their document, and the hash of the access code they follow the ticket with.</summary>
    public string? CitizenDocument { get; private set; }
    public string? AccessCodeHash { get; private set; }
    public int? UnitId { get; private set; }
    public string? UnitName { get; private set; }
    public string RegisteredById { get; private set; }
    public string RegisteredByName { get; private set; }
    public TicketState State { get; private set; }
    public SupportLevel Level { get; private set; }
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }
    public int? VendorCompanyId { get; private set; }
    public string? VendorCompanyName { get; private set; }
    /// <summary>When the ticket last left level 3: its vendor keeps read-only access to what happened until then, nothing newer.</summary>
    public DateTime? VendorLeftAtUtc { get; private set; }

    /// <summary>The vendor company holding the ticket now, only while it is at level 3. After it leaves,
    /// <see cref="VendorCompanyName"/> still names the company (its read-only view and the reports need it), but the
    /// company no longer holds it: leaving the vendor level ends the vendor's assignment.</summary>
    public string? HoldingVendorName => HoldingVendor(Level, VendorCompanyName);

    /// <summary>Who holds the ticket, as staff read it: the person, else (at level 3) the company, else nobody.</summary>
    public string HolderLabel => AssigneeName ?? (HoldingVendorName is { } vendor ? $"{vendor} (sin asignar)" : "Sin asignar");

    /// <summary>The rule of <see cref="HoldingVendorName"/> for rows read without the whole ticket (the queue).</summary>
    public static string? HoldingVendor(SupportLevel level, string? vendorCompanyName) =>
        level == SupportLevel.Nivel3 ? vendorCompanyName : null;
    public DateTime RegisteredAtUtc { get; private set; }
    public DateTime FirstResponseDueUtc { get; private set; }
    public DateTime ResolutionDueUtc { get; private set; }
    public DateTime? FirstResponseAtUtc { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>The SLA due point that matters now: first response until there is one, then resolution; none once resolved.</summary>
    public DateTime? NextDueUtc { get; private set; }
    public string? Solution { get; private set; }
    /// <summary>The requester's rating (1–5) when they closed the ticket; none when Sistema closed it.</summary>
    public int? SatisfactionRating { get; private set; }
    public string? SatisfactionComment { get; private set; }
    /// <summary>Last significant progress: a change of state or level, or a public reply from whoever works it.
    /// The SLA engine escalates a ticket that reaches its resolution due time without any since its first-response due time.</summary>
    public DateTime LastProgressAtUtc { get; private set; }
    /// <summary>Number, subject, requester and unit folded (lower case, no accents) so searches ignore both on any database.</summary>
    public string SearchText { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public long Version { get; private set; }

    public IReadOnlyList<TicketHistoryEntry> History => _history;

    /// <param name="accessCode">For a citizen's ticket, the code handed to them (only its hash is kept).</param>
    public static Ticket Register(TicketNumber number, NewTicket data, Actor registeredBy, DateTime nowUtc, SlaPolicy sla, string? accessCode = null)
    {
        if (data.Requester.IsCitizen)
        {
            if (data.Channel is not (Channel.Telefono or Channel.Presencial))
                throw new DomainException("Los tickets de ciudadanos se registran por teléfono o en forma presencial.");
            if (accessCode is null) throw new ArgumentException("A citizen's ticket needs an access code.", nameof(accessCode));
        }
        ValidateChannel(data, registeredBy);
        var subject = Text.RequiredLine(data.Subject, TicketLimits.SubjectMaxLength, "el asunto");
        var description = Text.Required(data.Description, TicketLimits.DescriptionMaxLength, "la descripción");
        if (!Enum.IsDefined(data.Kind)) throw new DomainException("Indique el tipo de ticket.");
        if (!Enum.IsDefined(data.Impact)) throw new DomainException("Indique el impacto en la capacidad operativa.");

        var priority = PriorityMatrix.For(data.Impact, data.AlternativeAvailable);
        var due = sla.DueTimes(nowUtc, priority);
        var ticket = new Ticket
        {
            Number = number.ToString(),
            Year = number.Year,
            Sequence = number.Sequence,
            Kind = data.Kind,
            Channel = data.Channel,
            SubcategoryCode = data.SubcategoryCode,
            Subject = subject,
            Description = description,
            Impact = data.Impact,
            AlternativeAvailable = data.AlternativeAvailable,
            Priority = priority,
            Preferential = data.Requester.Preferential,
            RequesterId = data.Requester.UserId,
            RequesterName = data.Requester.Name,
            CitizenDocument = data.Requester.CitizenDocument,
            AccessCodeHash = data.Requester.IsCitizen ? AccessCode.Hash(accessCode!) : null,
            UnitId = data.Requester.UnitId,
            UnitName = data.Requester.UnitName,
            RegisteredById = registeredBy.UserId,
            RegisteredByName = registeredBy.Name,
            State = TicketState.EnCola,
            Level = SupportLevel.Nivel1,
            RegisteredAtUtc = nowUtc,
            FirstResponseDueUtc = due.FirstResponseDueUtc,
            ResolutionDueUtc = due.ResolutionDueUtc,
            NextDueUtc = due.FirstResponseDueUtc,
            LastProgressAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            Version = 1,
        };
        ticket.SearchText = CatalogSearch.Fold($"{ticket.Number} {subject} {data.Requester.Name} {data.Requester.UnitName} {data.Requester.CitizenDocument}");
        ticket._history.Add(new TicketHistoryEntry(nowUtc, registeredBy, TicketAction.Registrar)
        {
            ToState = TicketState.EnCola,
            ToLevel = SupportLevel.Nivel1,
            // Registered on someone's behalf (by UTI staff or another system): the history says for whom.
            Reason = data.Requester.UserId == registeredBy.UserId
                ? $"Canal: {data.Channel.Label()} · Prioridad {priority.Label()}"
                : $"Canal: {data.Channel.Label()} · Para {data.Requester.Name} · Prioridad {priority.Label()}",
        });
        return ticket;
    }

    /// <summary>The actions <paramref name="actor"/> may take now, in the order of the transition table.</summary>
    /// <param name="assigneeAbsent">Whether the person holding the ticket is marked Ausente (a colleague may then take it over).</param>
    public IReadOnlyList<TicketAction> AllowedActions(Actor actor, bool assigneeAbsent = false) =>
        TicketTransitions.All.Where(t => t.From.Contains(State) && t.MayAct(actor, this, assigneeAbsent)).Select(t => t.Action).ToList();

    /// <summary>Where <paramref name="actor"/> may escalate the ticket now (Anexo 3), lowest level first.</summary>
    public IReadOnlyList<EscalationRoute> EscalationRoutes(Actor actor) => IsOpen
        ? EscalationMatrix.RoutesFrom(Level).Where(r => TicketTransitions.MayEscalate(actor, this, r)).ToList()
        : [];

    public bool IsOpen => State.IsOpen();

    public void Take(Actor actor, DateTime nowUtc)
    {
        var transition = Guard(TicketAction.Tomar, actor);
        var previous = State;
        AssignTo(actor, actor, nowUtc);
        Record(transition, actor, nowUtc, previous, toAssignee: actor.Name);
    }

    /// <summary>Passes the ticket to another person of the same level (Anexo 3 allows reassignment within a level): the
    /// supervisor's act, or the holder handing over their own ticket.</summary>
    public void Reassign(Actor actor, Actor assignee, string? note, DateTime nowUtc)
    {
        var transition = Guard(TicketAction.Reasignar, actor);
        if (!TicketTransitions.WorksAtLevel(assignee, this))
            throw new DomainException($"{assignee.Name} no atiende tickets de {Level.Label()}; para cambiar de nivel use Escalar.");
        if (assignee.UserId == AssigneeId) throw new DomainException($"El ticket ya está asignado a {assignee.Name}.");
        var previous = State;
        var previousAssignee = AssigneeName;
        var why = Text.Optional(note, TicketLimits.ReasonMaxLength, "la nota");
        AssignTo(assignee, actor, nowUtc);
        Record(transition, actor, nowUtc, previous, fromAssignee: previousAssignee, toAssignee: assignee.Name, reason: why);
    }

    /// <summary>
    /// Takes over a colleague's ticket while that colleague is marked Ausente, with a reason (the colleague is told).
    /// Otherwise handing out someone else's ticket is the supervisor's act.
    /// </summary>
    /// <param name="assigneeAbsent">Whether the person holding it is marked Ausente now.</param>
    public void TakeOver(Actor actor, string reason, bool assigneeAbsent, DateTime nowUtc)
    {
        // Say why, rather than "no permission", to a colleague who could take it over if the holder were away.
        if (!assigneeAbsent && State == TicketState.EnProceso && AssigneeId != actor.UserId && actor.Role != Role.Supervisor
            && TicketTransitions.WorksAtLevel(actor, this))
            throw new DomainException($"{AssigneeName} está disponible: pídale que le pase el ticket, o al Ejecutivo de la UTI que lo reasigne.");
        var transition = Guard(TicketAction.Asumir, actor, assigneeAbsent);
        var why = Text.Required(reason, TicketLimits.ReasonMaxLength, "el motivo para asumir el ticket");
        var previous = State;
        var previousAssignee = AssigneeName;
        AssignTo(actor, actor, nowUtc);
        Record(transition, actor, nowUtc, previous, fromAssignee: previousAssignee, toAssignee: actor.Name, reason: why);
    }

    /// <summary>Gives the ticket back to its level's queue (En cola, nobody assigned), for someone else to take.</summary>
    public void Release(Actor actor, string? note, DateTime nowUtc)
    {
        var transition = Guard(TicketAction.Liberar, actor);
        var why = Text.Optional(note, TicketLimits.ReasonMaxLength, "la nota");
        var previous = State;
        var previousAssignee = AssigneeName;
        State = TicketState.EnCola;
        AssigneeId = null;
        AssigneeName = null;
        Touch(nowUtc);
        Record(transition, actor, nowUtc, previous, fromAssignee: previousAssignee, reason: why);
    }

    /// <summary>
    /// Sends the ticket up the matrix with a criterion and a reason. The criterion's row names the destination from the
    /// current level (Anexo 3): from Nivel 2, rows 2 and 3 go to a vendor company (Nivel 3) and row 4 to the Ejecutivo
    /// de la UTI (Nivel 4).
    /// </summary>
    /// <param name="assignee">Someone of the destination level to hand it to directly (a drop on their column); else it waits in that level's queue.</param>
    public void Escalate(Actor actor, string criterionCode, string reason, VendorRef? vendor, DateTime nowUtc, Actor? assignee = null)
    {
        // At the top of the matrix nobody may escalate: say so, rather than "no permission".
        if (IsOpen && EscalationMatrix.RoutesFrom(Level).Count == 0) throw new DomainException("El ticket ya está en el nivel más alto.");
        var transition = Guard(TicketAction.Escalar, actor);
        var route = EscalationMatrix.RouteFor(Level, criterionCode)
            ?? throw new DomainException($"Elija un criterio de escalamiento de {Level.Label()}.");
        if (!TicketTransitions.MayEscalate(actor, this, route))
            throw new DomainException($"No tiene permiso para escalar este ticket a {route.To.Label()}.");
        var why = Text.Required(reason, TicketLimits.ReasonMaxLength, "el motivo del escalamiento");
        if (route.To == SupportLevel.Nivel3 && vendor is null)
            throw new DomainException("Para escalar al Nivel 3 indique la empresa proveedora.");
        MoveToLevel(transition, actor, route.To, vendor, assignee, nowUtc, criterionCode, why);
    }

    /// <summary>Sends the ticket back to a lower level (a supervisor's decision, with a reason).</summary>
    public void SendBack(Actor actor, SupportLevel toLevel, string reason, VendorRef? vendor, DateTime nowUtc, Actor? assignee = null)
    {
        var transition = Guard(TicketAction.Devolver, actor);
        if (!Enum.IsDefined(toLevel) || toLevel >= Level)
            throw new DomainException($"Para devolver el ticket elija un nivel inferior a {Level.Label()}.");
        var why = Text.Required(reason, TicketLimits.ReasonMaxLength, "el motivo de la devolución");
        if (toLevel == SupportLevel.Nivel3 && vendor is null)
            throw new DomainException("Para devolver el ticket al Nivel 3 indique la empresa proveedora.");
        MoveToLevel(transition, actor, toLevel, vendor, assignee, nowUtc, null, why);
    }

    private void MoveToLevel(TicketTransition transition, Actor actor, SupportLevel level, VendorRef? vendor, Actor? assignee,
        DateTime nowUtc, string? criterion, string reason)
    {
        var vendorId = level == SupportLevel.Nivel3 ? vendor!.Id : VendorCompanyId;
        if (assignee is not null && !TicketTransitions.WorksAt(assignee, level, vendorId))
            throw new DomainException($"{assignee.Name} no atiende tickets de {level.Label()}.");

        var previousState = State;
        var previousLevel = Level;
        var previousAssignee = AssigneeName;
        Level = level;
        // The ticket keeps naming its vendor company after it leaves level 3: that is what lets the company read what it
        // worked on, up to the moment it left. It no longer holds the ticket (HoldingVendorName), and no vendor user is
        // left assigned: the assignee is cleared below unless someone of the new level is named.
        if (level == SupportLevel.Nivel3)
        {
            VendorCompanyId = vendor!.Id;
            VendorCompanyName = vendor.Name;
            VendorLeftAtUtc = null;
        }
        else if (previousLevel == SupportLevel.Nivel3)
        {
            VendorLeftAtUtc = nowUtc;
        }
        if (assignee is null)
        {
            State = TicketState.EnCola;
            AssigneeId = null;
            AssigneeName = null;
            Touch(nowUtc);
        }
        else
        {
            AssignTo(assignee, actor, nowUtc);
        }
        Record(transition, actor, nowUtc, previousState, fromLevel: previousLevel, toLevel: level,
            fromAssignee: previousAssignee,
            toAssignee: assignee?.Name ?? (level == SupportLevel.Nivel3 ? vendor!.Name : null),
            criterion: criterion, reason: reason);
    }

    public void Resolve(Actor actor, string actionsTaken, DateTime nowUtc)
    {
        var transition = Guard(TicketAction.Resolver, actor);
        var solution = Text.Required(actionsTaken, TicketLimits.SolutionMaxLength, "las acciones realizadas");
        var previous = State;
        State = TicketState.Resuelto;
        Solution = solution;
        ResolvedAtUtc = nowUtc;
        FirstResponseAtUtc ??= nowUtc;
        NextDueUtc = null;
        Touch(nowUtc);
        Record(transition, actor, nowUtc, previous, reason: solution);
    }

    /// <summary>
    /// The requester disagrees with the solution: back to En proceso with the same assignee (6.6). Reopening is the
    /// requester's act; a supervisor may do it for them only recording who asked and how (<paramref name="onBehalf"/>),
    /// and the history says so ("A pedido de …").
    /// </summary>
    public void Reopen(Actor actor, string reason, DateTime nowUtc, ReopenRequest? onBehalf = null)
    {
        var transition = Guard(TicketAction.Reabrir, actor);
        var why = Text.Required(reason, TicketLimits.ReasonMaxLength, "el motivo de la reapertura");
        if (ReopensOnBehalf(actor))
            why = (onBehalf ?? throw new DomainException(
                "Reabrir es decisión del solicitante. Para reabrirlo a su pedido, indique quién lo pidió y por qué medio.")).Describe(why);
        var previous = State;
        State = TicketState.EnProceso; // Resuelto is reached only from En proceso, so there is an assignee
        ResolvedAtUtc = null;
        NextDueUtc = ResolutionDueUtc;
        Touch(nowUtc);
        Record(transition, actor, nowUtc, previous, reason: why);
    }

    /// <summary>Whether <paramref name="actor"/> reopening would be on the requester's behalf (saying who asked and how).</summary>
    public bool ReopensOnBehalf(Actor actor) => actor.UserId != RequesterId;

    /// <summary>Closes a resolved ticket: the requester, rating the service, or Sistema when the requester did not
    /// answer in time (<paramref name="note"/> says so in the history).</summary>
    public void Finalize(Actor actor, DateTime nowUtc, Satisfaction? satisfaction = null, string? note = null)
    {
        var transition = Guard(TicketAction.Finalizar, actor);
        string? comment = null;
        if (actor.UserId == RequesterId)
        {
            if (satisfaction is null) throw new DomainException("Califique la atención de 1 a 5 estrellas.");
            if (satisfaction.Rating is < Satisfaction.MinRating or > Satisfaction.MaxRating)
                throw new DomainException("La calificación va de 1 a 5 estrellas.");
            comment = Text.Optional(satisfaction.Comment, Satisfaction.CommentMaxLength, "el comentario");
            SatisfactionRating = satisfaction.Rating;
            SatisfactionComment = comment;
        }
        var previous = State;
        State = TicketState.Finalizado;
        ClosedAtUtc = nowUtc;
        NextDueUtc = null;
        Touch(nowUtc);
        Record(transition, actor, nowUtc, previous,
            reason: SatisfactionRating is int stars ? $"Calificación: {stars} de 5{(comment is null ? "" : $". {comment}")}" : note);
    }

    /// <summary>Cancels the ticket (a supervisor, e.g. a duplicate). The reason is internal; <paramref name="requesterNote"/>,
    /// if written, is what the requester reads about it.</summary>
    public void Cancel(Actor actor, string reason, DateTime nowUtc, string? requesterNote = null)
    {
        var transition = Guard(TicketAction.Anular, actor);
        var why = Text.Required(reason, TicketLimits.ReasonMaxLength, "el motivo de la anulación");
        var note = Text.Optional(requesterNote, TicketLimits.ReasonMaxLength, "el mensaje para el solicitante");
        var previous = State;
        State = TicketState.Anulado;
        ClosedAtUtc = nowUtc;
        NextDueUtc = null;
        Touch(nowUtc);
        Record(transition, actor, nowUtc, previous, reason: why, requesterNote: note);
    }

    /// <summary>What the requester is told about the cancellation: the supervisor's message for them, else a neutral
    /// sentence (the reason itself is internal). Null while the ticket is not cancelled.</summary>
    public string? CancellationNoticeForRequester => State == TicketState.Anulado
        ? _history.LastOrDefault(h => h.Action == TicketAction.Anular)?.RequesterNote ?? RequesterWording.NeutralCancellationNote
        : null;

    /// <summary>
    /// Adds a public reply or an internal note. Internal notes are for UTI staff and the vendor user holding the
    /// ticket, never for the requester. A first public reply from UTI staff is the first response of the SLA.
    /// </summary>
    public TicketMessage Reply(Actor actor, string body, bool isInternal, DateTime nowUtc)
    {
        if (State is TicketState.Finalizado or TicketState.Anulado)
            throw new DomainException($"El ticket está {State.Label().ToLowerInvariant()}; ya no admite mensajes.");
        var text = Text.Required(body, TicketMessage.BodyMaxLength, "el mensaje");
        if (isInternal && !MayReadInternalNotes(actor))
            throw new DomainException("Solo el personal de la UTI escribe notas internas.");
        if (!isInternal && !MayReplyPublicly(actor))
            throw new DomainException("No puede responder en este ticket.");

        if (!isInternal && actor.UserId != RequesterId) LastProgressAtUtc = nowUtc;
        if (!isInternal && actor.UserId != RequesterId && FirstResponseAtUtc is null)
        {
            FirstResponseAtUtc = nowUtc;
            if (IsOpen) NextDueUtc = ResolutionDueUtc;
            Touch(nowUtc);
        }
        return new TicketMessage(Id, actor, isInternal, text, nowUtc);
    }

    /// <summary>
    /// The history as <paramref name="actor"/> may read it. Whoever may not read internal notes (the requester) sees
    /// what happened, when and by whom, but the reasons and criteria only of what concerns them directly: registration,
    /// the solution, a reopening and the closing.
    /// </summary>
    public IReadOnlyList<TicketHistoryEntry> HistoryVisibleTo(Actor actor) => MayReadInternalNotes(actor)
        ? _history
        : _history.Select(e => e.Action is TicketAction.Registrar or TicketAction.Resolver or TicketAction.Reabrir or TicketAction.Finalizar
            ? e : e.WithoutInternals()).ToList();

    /// <summary>
    /// Until when <paramref name="actor"/> may read the ticket: a vendor whose company the ticket has left sees it as
    /// it was when it left (null: up to now).
    /// </summary>
    public DateTime? VisibleUntilUtc(Actor actor) =>
        actor.Role == Role.Proveedor && Level != SupportLevel.Nivel3 ? VendorLeftAtUtc ?? RegisteredAtUtc : null;

    /// <summary>The public message that carries the files sent with the registration. Not a reply: no SLA effect.</summary>
    public TicketMessage RegistrationFiles(Actor actor, DateTime nowUtc) =>
        new(Id, actor, isInternal: false, "Archivos adjuntos al registrar el ticket.", nowUtc);

    /// <summary>Internal notes: UTI staff, and a vendor user only while the ticket is assigned to them.</summary>
    public bool MayReadInternalNotes(Actor actor) =>
        actor.Role is Role.Tecnico or Role.Especialista or Role.Supervisor or Role.Administrador or Role.Sistema
        || (actor.Role == Role.Proveedor && AssigneeId == actor.UserId);

    public bool MayReplyPublicly(Actor actor) =>
        actor.UserId == RequesterId
        || actor.Role is Role.Tecnico or Role.Especialista or Role.Supervisor or Role.Sistema
        || (actor.Role == Role.Proveedor && VendorCompanyId == actor.VendorCompanyId && Level == Escalation.SupportLevel.Nivel3);

    private TicketTransition Guard(TicketAction action, Actor actor, bool assigneeAbsent = false)
    {
        var transition = TicketTransitions.For(action);
        if (!transition.From.Contains(State))
            throw new DomainException($"No se puede {action.Verb()} un ticket en estado {State.Label()}.");
        if (!transition.MayAct(actor, this, assigneeAbsent))
            throw new DomainException($"No tiene permiso para {action.Verb()} este ticket.");
        return transition;
    }

    private void AssignTo(Actor assignee, Actor actor, DateTime nowUtc)
    {
        AssigneeId = assignee.UserId;
        AssigneeName = assignee.Name;
        State = TicketState.EnProceso;
        // A person taking or handing out the ticket answers the requester; an automatic assignment does not.
        if (FirstResponseAtUtc is null && actor.Role != Role.Sistema)
        {
            FirstResponseAtUtc = nowUtc;
            NextDueUtc = ResolutionDueUtc;
        }
        Touch(nowUtc);
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    private void Record(TicketTransition transition, Actor actor, DateTime nowUtc, TicketState fromState,
        SupportLevel? fromLevel = null, SupportLevel? toLevel = null, string? fromAssignee = null, string? toAssignee = null,
        string? criterion = null, string? reason = null, string? requesterNote = null)
    {
        if (fromState != State || toLevel is not null) LastProgressAtUtc = nowUtc;
        _history.Add(new TicketHistoryEntry(nowUtc, actor, transition.Action)
        {
            FromState = fromState,
            ToState = State,
            FromLevel = fromLevel,
            ToLevel = toLevel,
            FromAssignee = fromAssignee,
            ToAssignee = toAssignee,
            CriterionCode = criterion,
            Reason = reason,
            RequesterNote = requesterNote,
        });
    }

    private static void ValidateChannel(NewTicket data, Actor registeredBy)
    {
        if (!Enum.IsDefined(data.Channel)) throw new DomainException("Indique el canal por el que llegó el ticket.");
        if (registeredBy.Role == Role.Usuario)
        {
            if (!data.Channel.IsSelfService())
                throw new DomainException("Desde el portal solo se registran tickets por Intranet o SISMONITOR.");
            if (data.Requester.UserId != registeredBy.UserId)
                throw new DomainException("Solo puede registrar tickets a su propio nombre.");
            if (data.Kind == TicketKind.Problema)
                throw new DomainException("Los problemas los registra el personal de la UTI.");
        }
        else if (registeredBy.Role == Role.Integracion)
        {
            // Another system registers on the requester's behalf, always through its own channel (SISMONITOR: 02).
            if (data.Channel != registeredBy.IntegrationChannel)
                throw new DomainException($"Esta integración registra tickets solo por el canal {registeredBy.IntegrationChannel?.Label()}.");
            if (data.Requester.IsCitizen) throw new DomainException("Las integraciones registran tickets de personas con cuenta en SIGET.");
            if (data.Kind == TicketKind.Problema) throw new DomainException("Los problemas los registra el personal de la UTI.");
        }
        else if (registeredBy.Role.IsUtiStaff() || registeredBy.Role == Role.Sistema)
        {
            if (data.Channel.IsSelfService() && registeredBy.Role != Role.Sistema)
                throw new DomainException("El personal de la UTI registra tickets recibidos por teléfono, en forma presencial o por correo electrónico.");
        }
        else
        {
            throw new DomainException("Su rol no permite registrar tickets.");
        }
    }
}
