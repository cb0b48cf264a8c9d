using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feeds.Transports;

/// <summary>What <see cref="JsonBody.ReadObjectAsync"/> read: a JSON object, or the problem to answer instead.</summary>
/// <param name="Value">The object; undefined when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the body was refused, ready to return from the endpoint.</param>
public sealed record JsonBodyRead(JsonElement Value, ProblemHttpResult? Problem)
{
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsObject => Problem is null;
}
