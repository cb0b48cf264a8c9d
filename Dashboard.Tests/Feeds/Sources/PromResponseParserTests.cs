using System.Net;
using Feeds.Sources.Prometheus;

namespace Dashboard.Tests.Feeds.Sources;

[Trait("Tier", "Unit")]
public sealed class PromResponseParserTests
{
    // Bodies as Prometheus 2.42 answers them (captured from the real server).
    private const string Vector = """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"instance":"127.0.0.1:9100","job":"node"},"value":[1796312590.032,"12.5"]},
          {"metric":{"instance":"127.0.0.1:9101","job":"node"},"value":[1796312590.032,"87"]}]}}
        """;

    [Fact]
    public void Parse_Vector_GivesOneSamplePerSeriesWithLabelsValueAndTime()
    {
        var result = PromResponseParser.Parse(HttpStatusCode.OK, Vector);

        Assert.True(result.Succeeded, result.Error);
        Assert.Collection(
            result.Samples,
            s =>
            {
                Assert.Equal("127.0.0.1:9100", s.Labels["instance"]);
                Assert.Equal("node", s.Labels["job"]);
                Assert.Equal(12.5, s.Value);
                Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1796312590032), s.At);
            },
            s => Assert.Equal(87, s.Value));
    }

    [Fact]
    public void Parse_Scalar_GivesOneSampleWithoutLabels()
    {
        var result = PromResponseParser.Parse(HttpStatusCode.OK, """{"status":"success","data":{"resultType":"scalar","result":[1796312571.305,"42"]}}""");

        var sample = Assert.Single(result.Samples);
        Assert.Empty(sample.Labels);
        Assert.Equal(42, sample.Value);
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1e-3", 0.001)]
    public void Parse_SpecialValue_ReadsPrometheusSpelling(string text, double expected)
    {
        var body = $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1796312571.351,"{{{text}}}"]}]}}""";

        var result = PromResponseParser.Parse(HttpStatusCode.OK, body);

        Assert.Equal(expected, Assert.Single(result.Samples).Value);
    }

    [Fact]
    public void Parse_EmptyVector_SucceedsWithNoSamples()
    {
        var result = PromResponseParser.Parse(HttpStatusCode.OK, """{"status":"success","data":{"resultType":"vector","result":[]}}""");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Samples);
    }

    [Fact]
    public void Parse_Matrix_IsRefusedSayingWhatToChange()
    {
        var body = """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1796312573.714,"1"],[1796312574.714,"1"]]}]}}""";

        var result = PromResponseParser.Parse(HttpStatusCode.OK, body);

        Assert.False(result.Succeeded);
        Assert.Equal("unsupported", result.ErrorType);
        Assert.Contains("range vector", result.Error, StringComparison.Ordinal);
        Assert.Contains("rate(", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorBody_KeepsPrometheusTypeAndTextWordForWord()
    {
        var body = """{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis"}""";

        var result = PromResponseParser.Parse(HttpStatusCode.BadRequest, body);

        Assert.False(result.Succeeded);
        Assert.Equal("bad_data", result.ErrorType);
        Assert.Equal("invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis", result.Error);
        Assert.Empty(result.Samples);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"not a number"]}]}}""")]
    [InlineData("""{"status":"success"}""")]
    [InlineData("")]
    public void Parse_NotAQueryAnswer_FailsWithTheStatusAndTheStartOfTheBody(string body)
    {
        var result = PromResponseParser.Parse(HttpStatusCode.BadGateway, body);

        Assert.False(result.Succeeded);
        Assert.Equal("bad_response", result.ErrorType);
        Assert.StartsWith("HTTP 502 from Prometheus", result.Error, StringComparison.Ordinal);
    }
}
