using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Domain.Networks;

namespace SigmoidService.Api.Networks;

/// <summary>The neuron and LSTM cell endpoints under <c>/networks</c>.</summary>
public static class NetworkEndpoints
{
    private const string LoggerCategory = "SigmoidService.Api.Networks";

    public static RouteGroupBuilder MapNetworks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/networks").WithTags("Networks");

        group.MapPost("/neuron/forward", ForwardNeuron)
            .WithName("ForwardNeuron")
            .WithSummary("Runs one neuron on a batch of inputs")
            .WithDescription("Computes z = w·x + b and f(z) for each input row with any catalogue activation (sigmoid when "
                + "absent), and the local derivative f'(z). Every row needs one value per weight.")
            .WithRequestExample(new NeuronForwardRequest([0.8, -0.4], 0.1, "sigmoid", null, [[1.0, 2.0], [0.5, -1.0]]))
            .ProducesValidationProblem();

        group.MapPost("/neuron/decision-boundary", ComputeDecisionBoundary)
            .WithName("ComputeDecisionBoundary")
            .WithSummary("Draws a two-input sigmoid neuron's decision boundary")
            .WithDescription("Evaluates sigmoid(w1 x + w2 y + b) on a points × points grid over xRange × yRange (rows of "
                + "probabilities follow y) and describes the line w1 x + w2 y + b = 0 where the probability is 0.5: its kind "
                + "(line, vertical, none, everywhere), slope and intercept where defined, and its end points clipped to the rectangle.")
            .WithRequestExample(new DecisionBoundaryRequest([2.0, -3.0], 0.5, [0.0, 1.0], [0.0, 1.0], 50))
            .ProducesValidationProblem();

        group.MapPost("/lstm-cell/forward", ForwardLstmCell)
            .WithName("ForwardLstmCell")
            .WithSummary("Runs an LSTM cell over a sequence")
            .WithDescription("Runs torch.nn.LSTMCell's equations over the input rows, starting from the given hidden and cell "
                + "states (zeros when absent), and returns the hidden state, cell state and the four gate activations after "
                + "every step. Give either weights in PyTorch's layout (gate rows in the order input, forget, cell, output) or "
                + "inputSize, hiddenSize and seed for weights drawn uniformly from ±1/sqrt(hiddenSize) by the service's "
                + "SplitMix64 generator; seeded weights are returned with the steps.")
            .WithRequestExample(new LstmForwardRequest([[0.5, -1.0, 2.0], [0.1, 0.2, 0.3]], null, null, null, 3, 4, 1))
            .ProducesValidationProblem();

        return group;
    }

    internal static Results<Ok<NeuronForwardResult>, ValidationProblem> ForwardNeuron(
        NeuronForwardRequest request, IOptions<NetworkLimitsOptions> limits, IOptions<ServiceLimitsOptions> serviceLimits)
    {
        var max = limits.Value;
        var errors = new RequestErrors();
        errors.ValidNumbers(request.Weights, "weights", max.MaxWeights);
        errors.Finite(request.Bias ?? 0, "bias");
        var activation = CatalogActivations.Resolve(request.Activation, request.Parameters, "activation", errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (!RequestChecks.ValidRows(request.Inputs, "inputs", max.MaxRows, serviceLimits.Value.MaxNumbersPerRequest,
                request.Weights!.Length, errors))
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(Neuron.Forward(request.Weights, request.Bias ?? 0, AsRows(request.Inputs!), activation!));
    }

    internal static Results<Ok<DecisionBoundaryResult>, ValidationProblem> ComputeDecisionBoundary(
        DecisionBoundaryRequest request, IOptions<NetworkLimitsOptions> limits)
    {
        var errors = new RequestErrors();
        if (errors.ValidNumbers(request.Weights, "weights", 2) && request.Weights!.Length != 2)
        {
            errors.Add("weights", $"The array has {request.Weights.Length} weight; two are needed, [w1, w2] for x and y.");
        }

        errors.Finite(request.Bias ?? 0, "bias");
        var xRange = ValidRange(request.XRange, "xRange", errors);
        var yRange = ValidRange(request.YRange, "yRange", errors);
        var points = request.Points ?? 100;
        if (points < 2 || points > limits.Value.MaxGridPoints)
        {
            errors.Add("points", $"The value must be between 2 and {limits.Value.MaxGridPoints}.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(DecisionBoundary.Compute(request.Weights![0], request.Weights[1], request.Bias ?? 0,
            xRange, yRange, points, CatalogActivations.Get("sigmoid").Value));
    }

    internal static Results<Ok<LstmForwardResponse>, ValidationProblem> ForwardLstmCell(
        LstmForwardRequest request,
        IOptions<NetworkLimitsOptions> limits,
        IOptions<ServiceLimitsOptions> serviceLimits,
        ILoggerFactory loggers)
    {
        var max = limits.Value;
        var errors = new RequestErrors();
        var weights = request.Weights is null ? SeededWeights(request, max, errors) : ExplicitWeights(request, max, serviceLimits.Value, errors);
        if (weights is null)
        {
            return errors.ToProblem();
        }

        if (!RequestChecks.ValidRows(request.Inputs, "inputs", max.MaxLstmSteps, serviceLimits.Value.MaxNumbersPerRequest, weights.InputSize, errors))
        {
            return errors.ToProblem();
        }

        if (request.Hidden is not null)
        {
            errors.ValidNumbers(request.Hidden, "hidden", max.MaxLstmHiddenSize);
        }

        if (request.Cell is not null)
        {
            errors.ValidNumbers(request.Cell, "cell", max.MaxLstmHiddenSize);
        }

        var work = (long)request.Inputs!.Length * 4 * weights.HiddenSize * (weights.InputSize + weights.HiddenSize);
        if (work > max.MaxLstmMultiplyAdds)
        {
            errors.Add("inputs", $"The run needs steps × 4 × hiddenSize × (inputSize + hiddenSize) = {work} multiply-adds, "
                + $"more than the limit of {max.MaxLstmMultiplyAdds}; shorten the sequence or use smaller sizes.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var sigmoid = CatalogActivations.Get("sigmoid").Value;
        var tanh = CatalogActivations.Get("tanh").Value;
        var watch = Stopwatch.StartNew();
        var steps = LstmCell.Forward(weights, AsRows(request.Inputs), request.Hidden, request.Cell, sigmoid, tanh);
        loggers.CreateLogger(LoggerCategory).LogInformation(
            "LSTM cell ran {Steps} steps with input size {InputSize} and hidden size {HiddenSize} in {ElapsedMs:0.0} ms",
            steps.Length, weights.InputSize, weights.HiddenSize, watch.Elapsed.TotalMilliseconds);

        var echoed = request.Weights is null
            ? new LstmWeightsDto(weights.InputHidden, weights.HiddenHidden, weights.InputBias, weights.HiddenBias)
            : null;
        return TypedResults.Ok(new LstmForwardResponse(steps, echoed));
    }

    private static LstmWeights? SeededWeights(LstmForwardRequest request, NetworkLimitsOptions max, RequestErrors errors)
    {
        if (request.InputSize is null && request.HiddenSize is null)
        {
            errors.Add("weights", "Give either weights in LSTMCell layout, or inputSize and hiddenSize (with an optional seed) for seeded weights.");
            return null;
        }

        errors.Required(request.InputSize, "inputSize");
        errors.Required(request.HiddenSize, "hiddenSize");
        if (errors.HasErrors)
        {
            return null;
        }

        var inputSize = RequestChecks.Count(request.InputSize, 1, max.MaxLstmInputSize, "inputSize", errors);
        var hiddenSize = RequestChecks.Count(request.HiddenSize, 1, max.MaxLstmHiddenSize, "hiddenSize", errors);
        return errors.HasErrors ? null : LstmWeights.Seeded(inputSize, hiddenSize, unchecked((ulong)(request.Seed ?? 1)));
    }

    private static LstmWeights? ExplicitWeights(
        LstmForwardRequest request, NetworkLimitsOptions max, ServiceLimitsOptions serviceLimits, RequestErrors errors)
    {
        if (request.InputSize is not null || request.HiddenSize is not null || request.Seed is not null)
        {
            errors.Add("weights", "Give either weights or inputSize, hiddenSize and seed, not both.");
            return null;
        }

        var weights = request.Weights!;
        var maxRows = 4 * max.MaxLstmHiddenSize;
        RequestChecks.ValidRows(weights.InputHidden, "weights.inputHidden", maxRows, serviceLimits.MaxNumbersPerRequest, null, errors);
        RequestChecks.ValidRows(weights.HiddenHidden, "weights.hiddenHidden", maxRows, serviceLimits.MaxNumbersPerRequest, null, errors);
        errors.ValidNumbers(weights.InputBias, "weights.inputBias", maxRows);
        errors.ValidNumbers(weights.HiddenBias, "weights.hiddenBias", maxRows);
        if (errors.HasErrors)
        {
            return null;
        }

        if (weights.InputHidden![0]!.Length > max.MaxLstmInputSize)
        {
            errors.Add("weights.inputHidden", $"inputSize, the length of each row, is {weights.InputHidden[0]!.Length}, more than the limit of {max.MaxLstmInputSize}.");
            return null;
        }

        // The constructor checks the shapes against each other and names the array and row that does not fit.
        return new LstmWeights(NonNullRows(weights.InputHidden!), NonNullRows(weights.HiddenHidden!), weights.InputBias!, weights.HiddenBias!);
    }

    // Rows are checked for null by RequestChecks.ValidRows before these run.
    internal static double[][] NonNullRows(double[]?[] rows) => [.. rows.Select(row => row!)];

    internal static IReadOnlyList<double>[] AsRows(double[]?[] rows) => [.. rows.Select(row => (IReadOnlyList<double>)row!)];

    private static (double Min, double Max) ValidRange(double[]? range, string field, RequestErrors errors)
    {
        if (range is null)
        {
            return (0, 1);
        }

        if (!errors.ValidNumbers(range, field, 2))
        {
            return (0, 1);
        }

        if (range.Length != 2)
        {
            errors.Add(field, "The range needs two numbers, [min, max].");
        }
        else if (!(range[0] < range[1]))
        {
            errors.Add(field, $"The range's min {range[0]} must be less than its max {range[1]}.");
        }
        else if (!double.IsFinite(range[1] - range[0]))
        {
            errors.Add(field, "The range is too wide: max - min overflows a double.");
        }
        else
        {
            return (range[0], range[1]);
        }

        return (0, 1);
    }
}
