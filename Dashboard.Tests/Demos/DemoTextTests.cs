using Dashboard.Demos;

namespace Dashboard.Tests.Demos;

[Trait("Tier", "Unit")]
public sealed class DemoTextTests
{
    [Theory]
    [InlineData("  hello  ", "hello")]
    [InlineData("line\nbreak", "line break")]
    [InlineData("a\u202Eb", "a b")]
    [InlineData("\t\r\n", "")]
    [InlineData(null, "")]
    public void Clean_Input_NoControlOrBidiCharacters(string? input, string expected) =>
        Assert.Equal(expected, DemoText.Clean(input));
}
