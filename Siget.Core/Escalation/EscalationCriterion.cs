namespace Siget.Core.Escalation;

/// <summary>One criterion of the escalation matrix: why a ticket leaves <see cref="From"/> for the next level.</summary>
public sealed record EscalationCriterion(string Code, SupportLevel From, string Text);
