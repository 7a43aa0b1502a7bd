namespace Siget.Core.Escalation;

/// <summary>One criterion of the escalation matrix (Anexo 3): a reason of row <see cref="Row"/> for sending a case to
/// that row's destination. The code is what history keeps, so a code, once recorded, keeps its text.</summary>
public sealed record EscalationCriterion(string Code, int Row, string Text);
