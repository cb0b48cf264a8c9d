using System.Reflection;

namespace Dashboard.Tests;

/// <summary>
/// <c>dotnet test --filter Tier=Unit</c> runs only what is marked so: a test class without a
/// tier would silently drop out of every filtered run.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class TierTraitTests
{
    private static readonly string[] Tiers = ["Unit", "Component", "Server", "Browser", "Cluster"];

    [Fact]
    public void TestClasses_EveryOne_HasExactlyOneTierOfTheFive()
    {
        var wrong = typeof(TierTraitTests).Assembly.GetTypes()
            .Where(IsTestClass)
            .Select(type => (Type: type, Tiers: TiersOf(type)))
            .Where(c => c.Tiers.Count != 1 || !Tiers.Contains(c.Tiers[0], StringComparer.Ordinal))
            .Select(c => $"{c.Type.FullName}: {(c.Tiers.Count == 0 ? "no Tier trait" : "Tier " + string.Join(", ", c.Tiers))}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            wrong.Count == 0,
            $"Mark each test class with one [Trait(\"Tier\", ...)] of {string.Join(", ", Tiers)}:\n{string.Join('\n', wrong)}");
    }

    private static bool IsTestClass(Type type) =>
        type is { IsClass: true, IsAbstract: false }
        && type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Any(method => method.IsDefined(typeof(FactAttribute), inherit: true));

    // The class's own attributes: a tier inherited from a base class is easy to miss when reading the test.
    private static List<string> TiersOf(Type type) =>
        [.. type.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(TraitAttribute)
                && a.ConstructorArguments is [{ Value: "Tier" }, _])
            .Select(a => (string)a.ConstructorArguments[1].Value!)];
}
