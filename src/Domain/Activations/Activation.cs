using SigmoidService.Domain.Common;

namespace SigmoidService.Domain.Activations;

/// <summary>
/// An activation function with fixed parameter values: its value and first derivative in double and
/// single precision.
/// </summary>
/// <remarks>
/// Values are computed in double-double arithmetic and rounded once, so double results are within about
/// one ulp of the correctly rounded value (the tests check 2 ulp for the sigmoid family, 4 for the rest,
/// against mpmath). Single-precision results are the double result rounded to single, within one
/// single-precision ulp. Inputs of ±Infinity give the limits; NaN gives NaN. Instances are immutable and
/// thread-safe.
/// </remarks>
public abstract class Activation
{
    private readonly double[] _parameterValues;
    private Activation? _singlePrecision;

    protected Activation(ActivationInfo info, IReadOnlyList<double>? parameterValues = null)
    {
        Info = info;
        _parameterValues = parameterValues?.ToArray() ?? info.Parameters.Select(parameter => parameter.Default).ToArray();
        if (_parameterValues.Length != info.Parameters.Count)
        {
            throw new ArgumentException(
                $"{info.Name} takes {info.Parameters.Count} parameters, but {_parameterValues.Length} were given.",
                nameof(parameterValues));
        }
    }

    /// <summary>The catalogue entry: name, formulas, range, shape and parameter definitions.</summary>
    public ActivationInfo Info { get; }

    public string Name => Info.Name;

    /// <summary>The parameter values in the order of <see cref="ActivationInfo.Parameters"/>.</summary>
    public IReadOnlyList<double> ParameterValues => _parameterValues;

    /// <summary>The parameter values by name.</summary>
    public IReadOnlyDictionary<string, double> Parameters =>
        Info.Parameters.Select((parameter, i) => KeyValuePair.Create(parameter.Name, _parameterValues[i]))
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>f(x) rounded to the nearest double (up to the stated ulp bound).</summary>
    public abstract double Value(double x);

    /// <summary>f'(x) rounded to the nearest double (up to the stated ulp bound); at a kink, PyTorch's choice.</summary>
    public abstract double Derivative(double x);

    /// <summary>f(x) with x and the parameters in single precision, rounded to single.</summary>
    public float Value(float x) => (float)SinglePrecision.Value((double)x);

    /// <summary>f'(x) with x and the parameters in single precision, rounded to single.</summary>
    public float Derivative(float x) => (float)SinglePrecision.Derivative((double)x);

    /// <summary>
    /// Evaluates f and f' at every point of <paramref name="x"/>. Activations with a vectorised kernel
    /// override this; its results equal those of <see cref="Value(double)"/> and <see cref="Derivative(double)"/>
    /// to the same accuracy bound.
    /// </summary>
    public virtual void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        for (var i = 0; i < x.Length; i++)
        {
            values[i] = Value(x[i]);
            derivatives[i] = Derivative(x[i]);
        }
    }

    /// <summary>Evaluates f and f' in single precision at every point of <paramref name="x"/>.</summary>
    public virtual void Evaluate(ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        var single = SinglePrecision;
        for (var i = 0; i < x.Length; i++)
        {
            values[i] = (float)single.Value((double)x[i]);
            derivatives[i] = (float)single.Derivative((double)x[i]);
        }
    }

    /// <summary>Evaluates f alone at every point of <paramref name="x"/>, to the accuracy of <see cref="Value(double)"/>.</summary>
    public virtual void EvaluateValues(ReadOnlySpan<double> x, Span<double> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        for (var i = 0; i < x.Length; i++)
        {
            values[i] = Value(x[i]);
        }
    }

    /// <summary>Evaluates f alone in single precision at every point of <paramref name="x"/>.</summary>
    public virtual void EvaluateValues(ReadOnlySpan<float> x, Span<float> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        var single = SinglePrecision;
        for (var i = 0; i < x.Length; i++)
        {
            values[i] = (float)single.Value((double)x[i]);
        }
    }

    /// <summary>
    /// Returns this activation with some parameters replaced. Names are matched exactly; parameters not
    /// given keep their current values.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// A name is not a parameter of this activation, or a value is NaN, infinite, or out of its range.
    /// The exception's field is <c>parameters.NAME</c>.
    /// </exception>
    public Activation WithParameters(IReadOnlyDictionary<string, double>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return this;
        }

        var values = _parameterValues.ToArray();
        foreach (var (name, value) in parameters)
        {
            var index = FindParameter(name);
            if (index < 0)
            {
                var known = Info.Parameters.Count == 0
                    ? $"{Name} has no parameters."
                    : $"The parameters of {Name} are {string.Join(", ", Info.Parameters.Select(p => p.Name))}.";
                throw new InvalidInputException($"parameters.{name}", $"Unknown parameter '{name}'. {known}");
            }

            if (Info.Parameters[index].Validate(value) is { } problem)
            {
                throw new InvalidInputException($"parameters.{name}", problem);
            }

            values[index] = value;
        }

        return Create(values);
    }

    /// <summary>Creates an instance of the same activation with the given parameter values, already validated.</summary>
    protected abstract Activation Create(IReadOnlyList<double> parameterValues);

    /// <summary>This activation with its parameters rounded to single precision.</summary>
    protected Activation SinglePrecision => _singlePrecision ??= CreateSinglePrecision();

    protected static void CheckLengths(int inputs, int values, int derivatives)
    {
        if (values < inputs || derivatives < inputs)
        {
            throw new ArgumentException("The output spans must be at least as long as the input span.");
        }
    }

    private Activation CreateSinglePrecision()
    {
        var rounded = _parameterValues.Select(value => (double)(float)value).ToArray();
        if (rounded.SequenceEqual(_parameterValues))
        {
            return this;
        }

        for (var i = 0; i < rounded.Length; i++)
        {
            if (Info.Parameters[i].Validate(rounded[i]) is not null)
            {
                throw new InvalidInputException(
                    $"parameters.{Info.Parameters[i].Name}",
                    $"The value {_parameterValues[i]:R} is outside the single-precision range of this parameter.");
            }
        }

        return Create(rounded);
    }

    private int FindParameter(string name)
    {
        for (var i = 0; i < Info.Parameters.Count; i++)
        {
            if (string.Equals(Info.Parameters[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
