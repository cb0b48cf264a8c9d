using Dashboard.Boards;
using Dashboard.Options;

namespace Dashboard.Tests.Boards;

[Trait("Tier", "Unit")]
public sealed class BoardsOptionsValidatorTests
{
    [Fact]
    public void Validate_GoodBoard_Succeeds()
    {
        var result = new BoardsOptionsValidator().Validate(null, With(Panel()));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Kind", "Dashboard:Boards:ops:Panels:1:Kind")]
    [InlineData("Unit", "Dashboard:Boards:ops:Panels:1:Unit")]
    [InlineData("Topic", "Dashboard:Boards:ops:Panels:1:Topic")]
    [InlineData("Field", "Dashboard:Boards:ops:Panels:1:Fields:0")]
    [InlineData("NoFields", "Dashboard:Boards:ops:Panels:1:Fields")]
    [InlineData("Width", "Dashboard:Boards:ops:Panels:1:Width")]
    [InlineData("Decimals", "Dashboard:Boards:ops:Panels:1:Decimals")]
    [InlineData("MinMax", "Dashboard:Boards:ops:Panels:1:Min")]
    [InlineData("Thresholds", "Dashboard:Boards:ops:Panels:1:Thresholds")]
    [InlineData("GaugeMax", "Dashboard:Boards:ops:Panels:1:Max")]
    public void Validate_BadPanel_NamesTheKey(string what, string key)
    {
        var bad = Panel();
        switch (what)
        {
            case "Kind": bad.Kind = "pie"; break;
            case "Unit": bad.Unit = "furlongs"; break;
            case "Topic": bad.Topic = "metrics/**"; break;
            case "Field": bad.Fields = ["series[*].x[*]"]; break;
            case "NoFields": bad.Fields = []; break;
            case "Width": bad.Width = 13; break;
            case "Decimals": bad.Decimals = 9; break;
            case "MinMax": bad.Min = 10; bad.Max = 5; break;
            case "Thresholds": bad.Thresholds = new Threshold { Warning = 9, Critical = 3 }; break;
            case "GaugeMax": bad.Kind = PanelKinds.Gauge; bad.Unit = "ms"; break;
        }

        var result = new BoardsOptionsValidator().Validate(null, With(Panel(), bad));

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KioskPageNamesNoBoard_NamesTheKioskKey()
    {
        var options = With(Panel());
        options.Kiosk.Pages = ["/monitoring", "/boards/nope"];

        var result = new BoardsOptionsValidator().Validate(null, options);

        Assert.StartsWith("Dashboard:Kiosk:Pages:1", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private static DashboardOptions With(params PanelOptions[] panels) => new()
    {
        Boards = { ["ops"] = new BoardOptions { Title = "Ops", Panels = [.. panels] } },
    };

    private static PanelOptions Panel() => new() { Topic = "metrics/self", Fields = ["cpu"], Kind = PanelKinds.Line, Unit = ValueFormat.Percent };
}
