using System.Net;
using System.Text.Json;

namespace Dashboard.Tests.Integration;

/// <summary>Checks an RFC 7807 answer: the status, <c>application/problem+json</c>, and a detail a person can act on.</summary>
internal static class ProblemAssert
{
    public static async Task<string> IsAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }
}
