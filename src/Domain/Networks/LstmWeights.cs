using SigmoidService.Domain.Common;
using SigmoidService.Domain.Randomness;

namespace SigmoidService.Domain.Networks;

/// <summary>
/// The parameters of an LSTM cell in PyTorch's <c>torch.nn.LSTMCell</c> layout: four gate blocks of
/// <see cref="HiddenSize"/> rows stacked in the order input, forget, cell (candidate), output.
/// </summary>
public sealed class LstmWeights
{
    /// <summary>Wraps the four parameter arrays, checking their shapes.</summary>
    /// <param name="inputHidden">weight_ih, 4·hidden rows by input columns.</param>
    /// <param name="hiddenHidden">weight_hh, 4·hidden rows by hidden columns.</param>
    /// <param name="inputBias">bias_ih, 4·hidden values.</param>
    /// <param name="hiddenBias">bias_hh, 4·hidden values.</param>
    /// <exception cref="InvalidInputException">A shape does not match; the field names the array and row.</exception>
    public LstmWeights(double[][] inputHidden, double[][] hiddenHidden, double[] inputBias, double[] hiddenBias)
    {
        if (inputHidden.Length == 0 || inputHidden.Length % 4 != 0)
        {
            throw new InvalidInputException("weights.inputHidden",
                $"weights.inputHidden has {inputHidden.Length} rows, but it needs 4 × hiddenSize rows, one block for each gate (input, forget, cell, output).");
        }

        HiddenSize = inputHidden.Length / 4;
        InputSize = inputHidden[0].Length;
        if (InputSize == 0)
        {
            throw new InvalidInputException("weights.inputHidden[0]", "The rows of weights.inputHidden must not be empty: each row has inputSize values.");
        }

        CheckRows(inputHidden, 4 * HiddenSize, InputSize, "inputSize", "weights.inputHidden");
        CheckRows(hiddenHidden, 4 * HiddenSize, HiddenSize, "hiddenSize", "weights.hiddenHidden");
        CheckLength(inputBias, 4 * HiddenSize, "weights.inputBias");
        CheckLength(hiddenBias, 4 * HiddenSize, "weights.hiddenBias");

        InputHidden = inputHidden;
        HiddenHidden = hiddenHidden;
        InputBias = inputBias;
        HiddenBias = hiddenBias;
    }

    /// <summary>The length of each input vector.</summary>
    public int InputSize { get; }

    /// <summary>The length of the hidden and cell state vectors.</summary>
    public int HiddenSize { get; }

    /// <summary>weight_ih: 4·hidden rows by input columns.</summary>
    public double[][] InputHidden { get; }

    /// <summary>weight_hh: 4·hidden rows by hidden columns.</summary>
    public double[][] HiddenHidden { get; }

    /// <summary>bias_ih: 4·hidden values.</summary>
    public double[] InputBias { get; }

    /// <summary>bias_hh: 4·hidden values.</summary>
    public double[] HiddenBias { get; }

    /// <summary>
    /// Draws every parameter uniformly from [-k, k) with k = 1 / sqrt(hiddenSize), as PyTorch's
    /// LSTMCell.reset_parameters does, but from <see cref="SeededRandom"/>: weight_ih row by row, then
    /// weight_hh, bias_ih and bias_hh, the order of LSTMCell.parameters(). The same seed gives the same
    /// weights everywhere; they are not the weights torch.manual_seed would give.
    /// </summary>
    public static LstmWeights Seeded(int inputSize, int hiddenSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        var random = new SeededRandom(seed);
        var bound = 1.0 / Math.Sqrt(hiddenSize);
        var inputHidden = Matrix(random, 4 * hiddenSize, inputSize, bound);
        var hiddenHidden = Matrix(random, 4 * hiddenSize, hiddenSize, bound);
        var inputBias = new double[4 * hiddenSize];
        random.FillUniform(inputBias, -bound, bound);
        var hiddenBias = new double[4 * hiddenSize];
        random.FillUniform(hiddenBias, -bound, bound);
        return new LstmWeights(inputHidden, hiddenHidden, inputBias, hiddenBias);
    }

    private static double[][] Matrix(SeededRandom random, int rows, int columns, double bound)
    {
        var matrix = new double[rows][];
        for (var i = 0; i < rows; i++)
        {
            matrix[i] = new double[columns];
            random.FillUniform(matrix[i], -bound, bound);
        }

        return matrix;
    }

    private static void CheckRows(double[][] matrix, int rows, int columns, string columnsName, string field)
    {
        if (matrix.Length != rows)
        {
            throw new InvalidInputException(field, $"{field} has {matrix.Length} rows, but it needs 4 × hiddenSize = {rows} rows.");
        }

        for (var i = 0; i < matrix.Length; i++)
        {
            if (matrix[i].Length != columns)
            {
                throw new InvalidInputException($"{field}[{i}]", $"The row has {matrix[i].Length} values, but it needs {columnsName} = {columns} values.");
            }
        }
    }

    private static void CheckLength(double[] vector, int length, string field)
    {
        if (vector.Length != length)
        {
            throw new InvalidInputException(field, $"The vector has {vector.Length} values; 4 × hiddenSize = {length} are needed.");
        }
    }
}
