using System.Globalization;
using SigmoidService.Domain.Activations;
using Xunit.Abstractions;

namespace SigmoidService.Domain.Tests.Activations;

/// <summary>
/// Every activation and derivative against the correctly rounded mpmath values at every reference point,
/// in double and single precision, through the scalar methods and through the array path.
/// </summary>
public sealed class ActivationAccuracyTests(ITestOutputHelper output)
{
    // The sigmoid family must be within 2 ulp of the correctly rounded value, the other activations within 4.
    // Single-precision results must be within 2 single-precision ulp.
    private static readonly HashSet<string> SigmoidFamily =
        ["sigmoid", "log-sigmoid", "logit", "softplus", "tanh", "silu", "softsign", "scaled-sigmoid"];

    private const int SingleTolerance = 2;

    public static TheoryData<string> Names => [.. ActivationCatalog.All.Select(activation => activation.Name)];

    [Fact]
    public void ReferenceData_CoversEveryActivation()
    {
        foreach (var activation in ActivationCatalog.All)
        {
            Assert.True(ReferenceData.Double.Activations.ContainsKey(activation.Name), $"No double reference for {activation.Name}.");
            Assert.True(ReferenceData.Single.Activations.ContainsKey(activation.Name), $"No single reference for {activation.Name}.");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Value_Double_WithinToleranceOfMpmath(string name)
    {
        var activation = Get(name);
        var reference = ReferenceData.Double;
        var x = reference.InputsOf(name);
        var expected = reference.Activations[name].Values;

        var actual = x.Select(activation.Value).ToArray();

        AssertWithinUlps(name, "value", x, expected, actual, ToleranceOf(name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivative_Double_WithinToleranceOfMpmath(string name)
    {
        var activation = Get(name);
        var reference = ReferenceData.Double;
        var x = reference.InputsOf(name);
        var expected = reference.Activations[name].Derivatives;

        var actual = x.Select(activation.Derivative).ToArray();

        AssertWithinUlps(name, "derivative", x, expected, actual, ToleranceOf(name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ValueAndDerivative_Single_WithinTwoSingleUlpsOfMpmath(string name)
    {
        var activation = Get(name);
        var reference = ReferenceData.Single;
        var x = reference.InputsOf(name).Select(value => (float)value).ToArray();
        var (expectedValues, expectedDerivatives) = reference.Activations[name];

        var values = x.Select(activation.Value).ToArray();
        var derivatives = x.Select(activation.Derivative).ToArray();

        AssertWithinSingleUlps(name, "value", x, expectedValues, values);
        AssertWithinSingleUlps(name, "derivative", x, expectedDerivatives, derivatives);
    }

    [Theory]
    [InlineData("softplus")]
    [InlineData("leaky-relu")]
    [InlineData("elu")]
    [InlineData("scaled-sigmoid")]
    public void ValueAndDerivative_OtherParameters_WithinToleranceOfMpmath(string name)
    {
        var reference = ReferenceData.DoubleWithParameters;
        var activation = Get(name).WithParameters(reference.Parameters[name]);
        var (expectedValues, expectedDerivatives) = reference.Activations[name];
        var singleReference = ReferenceData.SingleWithParameters;
        var singleX = singleReference.X.Select(value => (float)value).ToArray();
        var (expectedSingleValues, expectedSingleDerivatives) = singleReference.Activations[name];

        var values = reference.X.Select(activation.Value).ToArray();
        var derivatives = reference.X.Select(activation.Derivative).ToArray();
        var singleValues = singleX.Select(activation.Value).ToArray();
        var singleDerivatives = singleX.Select(activation.Derivative).ToArray();

        AssertWithinUlps(name, "value with parameters", reference.X, expectedValues, values, ToleranceOf(name));
        AssertWithinUlps(name, "derivative with parameters", reference.X, expectedDerivatives, derivatives, ToleranceOf(name));
        AssertWithinSingleUlps(name, "value with parameters", singleX, expectedSingleValues, singleValues);
        AssertWithinSingleUlps(name, "derivative with parameters", singleX, expectedSingleDerivatives, singleDerivatives);
    }

    /// <summary>
    /// The array path with each reference point in every lane position: the inputs are shifted by 0 to 17
    /// places (for a vectorised kernel), and the array lengths are not multiples of any vector width, so
    /// that tails are covered too.
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_DoubleArrayInEveryLane_WithinToleranceOfMpmath(string name)
    {
        var activation = Get(name);
        var reference = ReferenceData.Double;
        var x = reference.InputsOf(name);
        var (expectedValues, expectedDerivatives) = reference.Activations[name];
        var filler = name == "logit" ? 0.5 : 0.25;

        for (var shift = 0; shift < ShiftCount(activation, 18); shift++)
        {
            var input = Enumerable.Repeat(filler, shift).Concat(x).Concat(Enumerable.Repeat(filler, 3)).ToArray();
            var values = new double[input.Length];
            var derivatives = new double[input.Length];
            var valuesOnly = new double[input.Length];

            activation.Evaluate(input, values, derivatives);
            activation.EvaluateValues(input, valuesOnly);

            AssertWithinUlps(name, $"array value (shift {shift})", x, expectedValues, values.AsSpan(shift, x.Length).ToArray(), ToleranceOf(name));
            AssertWithinUlps(name, $"array value alone (shift {shift})", x, expectedValues, valuesOnly.AsSpan(shift, x.Length).ToArray(), ToleranceOf(name));
            AssertWithinUlps(name, $"array derivative (shift {shift})", x, expectedDerivatives, derivatives.AsSpan(shift, x.Length).ToArray(), ToleranceOf(name));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_SingleArrayInEveryLane_WithinTwoSingleUlpsOfMpmath(string name)
    {
        var activation = Get(name);
        var reference = ReferenceData.Single;
        var x = reference.InputsOf(name).Select(value => (float)value).ToArray();
        var (expectedValues, expectedDerivatives) = reference.Activations[name];
        var filler = name == "logit" ? 0.5f : 0.25f;

        for (var shift = 0; shift < ShiftCount(activation, 34); shift++)
        {
            var input = Enumerable.Repeat(filler, shift).Concat(x).Concat(Enumerable.Repeat(filler, 5)).ToArray();
            var values = new float[input.Length];
            var derivatives = new float[input.Length];
            var valuesOnly = new float[input.Length];

            activation.Evaluate(input, values, derivatives);
            activation.EvaluateValues(input, valuesOnly);

            AssertWithinSingleUlps(name, $"array value (shift {shift})", x, expectedValues, values.AsSpan(shift, x.Length).ToArray());
            AssertWithinSingleUlps(name, $"array value alone (shift {shift})", x, expectedValues, valuesOnly.AsSpan(shift, x.Length).ToArray());
            AssertWithinSingleUlps(name, $"array derivative (shift {shift})", x, expectedDerivatives, derivatives.AsSpan(shift, x.Length).ToArray());
        }
    }

    private static Activation Get(string name) =>
        ActivationCatalog.TryGet(name, out var activation) ? activation : throw new ArgumentException($"Unknown activation {name}.");

    /// <summary>
    /// Every lane position for activations with their own array kernel; two shifts for those whose array path
    /// is the scalar loop, where the position cannot matter.
    /// </summary>
    private static int ShiftCount(Activation activation, int allLanes)
    {
        var evaluate = activation.GetType().GetMethod(nameof(Activation.Evaluate), [typeof(ReadOnlySpan<double>), typeof(Span<double>), typeof(Span<double>)]);
        return evaluate?.DeclaringType == typeof(Activation) ? 2 : allLanes;
    }

    private static int ToleranceOf(string name) => SigmoidFamily.Contains(name) ? 2 : 4;

    private void AssertWithinUlps(string name, string what, double[] x, double[] expected, double[] actual, int tolerance)
    {
        Int128 worst = 0;
        var failures = new List<string>();
        for (var i = 0; i < x.Length; i++)
        {
            var distance = ReferenceData.UlpDistance(expected[i], actual[i]);
            worst = Int128.Max(worst, distance);
            if (distance > tolerance && failures.Count < 10)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"x = {x[i]:R}: expected {expected[i]:R}, got {actual[i]:R} ({distance} ulp)"));
            }
        }

        output.WriteLine($"{name} {what}: {x.Length} points, worst {worst} ulp");
        Assert.True(failures.Count == 0,
            $"{name} {what} is more than {tolerance} ulp from mpmath at:\n{string.Join("\n", failures)}");
    }

    private void AssertWithinSingleUlps(string name, string what, float[] x, double[] expected, float[] actual)
    {
        long worst = 0;
        var failures = new List<string>();
        for (var i = 0; i < x.Length; i++)
        {
            var distance = ReferenceData.UlpDistance((float)expected[i], actual[i]);
            worst = Math.Max(worst, distance);
            if (distance > SingleTolerance && failures.Count < 10)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"x = {x[i]:R}: expected {(float)expected[i]:R}, got {actual[i]:R} ({distance} ulp)"));
            }
        }

        output.WriteLine($"{name} single {what}: {x.Length} points, worst {worst} ulp");
        Assert.True(failures.Count == 0,
            $"{name} single {what} is more than {SingleTolerance} ulp from mpmath at:\n{string.Join("\n", failures)}");
    }
}
