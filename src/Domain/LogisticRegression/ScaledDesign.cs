using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// The design matrix the solvers work on: every feature centred (when there is an intercept) and divided
/// by its standard deviation, stored column-major, with a column of ones for the intercept last. Working on
/// standardised columns lets a feature in millions beside one in millionths converge. The coefficients
/// are mapped back to the original features at the end.
/// </summary>
internal sealed class ScaledDesign
{
    private const int GramBlockRows = 256;
    private const int VectorBlockRows = 2048;

    private readonly double[] _columns;

    public ScaledDesign(FeatureMatrix features, bool fitIntercept)
    {
        Rows = features.Rows;
        FeatureCount = features.Columns;
        HasIntercept = fitIntercept;
        ParameterCount = FeatureCount + (fitIntercept ? 1 : 0);
        Means = new double[FeatureCount];
        Scales = new double[FeatureCount];
        _columns = new double[(long)ParameterCount * Rows];

        var values = features.Values;
        var n = Rows;
        var p = FeatureCount;

        // Transpose in blocks of rows that stay in cache, then standardise each contiguous column.
        const int blockRows = 64;
        for (var start = 0; start < n; start += blockRows)
        {
            var end = Math.Min(start + blockRows, n);
            for (var j = 0; j < p; j++)
            {
                var column = _columns.AsSpan(j * n, n);
                for (var i = start; i < end; i++)
                {
                    column[i] = values[(i * p) + j];
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            var column = _columns.AsSpan(j * n, n);
            var (mean, scale) = Moments(column, fitIntercept);
            Means[j] = mean;
            Scales[j] = scale;
            Standardise(column, mean, 1.0 / scale);
        }

        if (fitIntercept)
        {
            _columns.AsSpan(p * n, n).Fill(1.0);
        }
    }

    public int Rows { get; }

    public int FeatureCount { get; }

    /// <summary>Count of solver parameters: the features, plus one for the intercept.</summary>
    public int ParameterCount { get; }

    public bool HasIntercept { get; }

    /// <summary>The centre subtracted from each feature (zero without an intercept).</summary>
    public double[] Means { get; }

    /// <summary>The divisor of each centred feature.</summary>
    public double[] Scales { get; }

    public ReadOnlySpan<double> Column(int j) => _columns.AsSpan(j * Rows, Rows);

    /// <summary>Computes eta = Z theta.</summary>
    public void Multiply(ReadOnlySpan<double> theta, Span<double> eta)
    {
        var n = Rows;
        for (var start = 0; start < n; start += VectorBlockRows)
        {
            var length = Math.Min(VectorBlockRows, n - start);
            var block = eta.Slice(start, length);
            block.Clear();
            for (var j = 0; j < ParameterCount; j++)
            {
                var coefficient = theta[j];
                if (coefficient != 0.0)
                {
                    TensorPrimitives.MultiplyAdd(_columns.AsSpan((j * n) + start, length), coefficient, block, block);
                }
            }
        }
    }

    /// <summary>Computes g = Z^T r.</summary>
    public void MultiplyTransposed(ReadOnlySpan<double> r, Span<double> g)
    {
        var n = Rows;
        g.Clear();
        for (var start = 0; start < n; start += VectorBlockRows)
        {
            var length = Math.Min(VectorBlockRows, n - start);
            var block = r.Slice(start, length);
            for (var j = 0; j < ParameterCount; j++)
            {
                g[j] += TensorPrimitives.Dot(_columns.AsSpan((j * n) + start, length), block);
            }
        }
    }

    /// <summary>
    /// Computes the weighted Gram matrix H = Z^T diag(d) Z (row-major, q x q, both triangles) in row blocks
    /// with 4 x 4 register tiles, which is the cost that dominates a Newton iteration. With
    /// <paramref name="stride"/> above 1 only every stride-th row enters, weighted by stride: an unbiased
    /// estimate at a fraction of the cost.
    /// </summary>
    public void WeightedGram(ReadOnlySpan<double> d, double[] gram, int stride = 1) =>
        WeightedGram(d, gram, stride, [], []);

    /// <summary>
    /// Computes the weighted Gram matrix as above and, in the same pass over the data, g = Z^T r when
    /// <paramref name="r"/> is not empty (full Gram only).
    /// </summary>
    public void WeightedGram(ReadOnlySpan<double> d, double[] gram, int stride, ReadOnlySpan<double> r, Span<double> g)
    {
        if (stride > 1)
        {
            StridedGram(d, gram, stride);
            if (!r.IsEmpty)
            {
                MultiplyTransposed(r, g);
            }

            return;
        }

        var withGradient = !r.IsEmpty;
        if (withGradient)
        {
            g.Clear();
        }

        var n = Rows;
        var q = ParameterCount;
        var padded = (q + 3) & ~3;
        var weighted = new double[padded * GramBlockRows];
        var plain = new double[padded * GramBlockRows];
        var tiles = new double[padded * padded];

        for (var start = 0; start < n; start += GramBlockRows)
        {
            var length = Math.Min(GramBlockRows, n - start);
            var rounded = (length + 3) & ~3;
            for (var j = 0; j < q; j++)
            {
                var source = _columns.AsSpan((j * n) + start, length);
                var plainRow = plain.AsSpan(j * GramBlockRows, GramBlockRows);
                var weightedRow = weighted.AsSpan(j * GramBlockRows, GramBlockRows);
                source.CopyTo(plainRow);
                TensorPrimitives.Multiply(source, d.Slice(start, length), weightedRow);
                if (withGradient)
                {
                    g[j] += TensorPrimitives.Dot(source, r.Slice(start, length));
                }

                if (rounded > length)
                {
                    plainRow[length..rounded].Clear();
                    weightedRow[length..rounded].Clear();
                }
            }

            for (var j0 = 0; j0 < padded; j0 += 4)
            {
                for (var k0 = j0; k0 < padded; k0 += 4)
                {
                    AccumulateTile(weighted, plain, j0, k0, rounded, tiles, padded);
                }
            }
        }

        for (var j = 0; j < q; j++)
        {
            for (var k = j; k < q; k++)
            {
                var value = tiles[(j * padded) + k];
                gram[(j * q) + k] = value;
                gram[(k * q) + j] = value;
            }
        }
    }

    private void StridedGram(ReadOnlySpan<double> d, double[] gram, int stride)
    {
        var n = Rows;
        var q = ParameterCount;
        var count = (n + stride - 1) / stride;
        var sample = new double[(long)q * count];
        var weights = new double[count];
        for (var k = 0; k < count; k++)
        {
            weights[k] = d[k * stride] * stride;
        }

        for (var j = 0; j < q; j++)
        {
            var source = _columns.AsSpan(j * n, n);
            var target = sample.AsSpan(j * count, count);
            for (var k = 0; k < count; k++)
            {
                target[k] = source[k * stride];
            }
        }

        new ScaledDesign(sample, count, q, FeatureCount, HasIntercept).WeightedGram(weights, gram);
    }

    // Wraps already standardised columns (used for row subsamples).
    private ScaledDesign(double[] columns, int rows, int parameterCount, int featureCount, bool hasIntercept)
    {
        _columns = columns;
        Rows = rows;
        ParameterCount = parameterCount;
        FeatureCount = featureCount;
        HasIntercept = hasIntercept;
        Means = [];
        Scales = [];
    }

    private static void AccumulateTile(double[] weighted, double[] plain, int j0, int k0, int length, double[] tiles, int padded)
    {
        var a0 = weighted.AsSpan(j0 * GramBlockRows);
        var a1 = weighted.AsSpan((j0 + 1) * GramBlockRows);
        var a2 = weighted.AsSpan((j0 + 2) * GramBlockRows);
        var a3 = weighted.AsSpan((j0 + 3) * GramBlockRows);
        var b0 = plain.AsSpan(k0 * GramBlockRows);
        var b1 = plain.AsSpan((k0 + 1) * GramBlockRows);
        var b2 = plain.AsSpan((k0 + 2) * GramBlockRows);
        var b3 = plain.AsSpan((k0 + 3) * GramBlockRows);

        Vector256<double> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<double> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector256<double> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector256<double> c30 = default, c31 = default, c32 = default, c33 = default;
        for (var t = 0; t < length; t += 4)
        {
            var x0 = Vector256.Create<double>(a0.Slice(t, 4));
            var x1 = Vector256.Create<double>(a1.Slice(t, 4));
            var x2 = Vector256.Create<double>(a2.Slice(t, 4));
            var x3 = Vector256.Create<double>(a3.Slice(t, 4));
            var y0 = Vector256.Create<double>(b0.Slice(t, 4));
            var y1 = Vector256.Create<double>(b1.Slice(t, 4));
            var y2 = Vector256.Create<double>(b2.Slice(t, 4));
            var y3 = Vector256.Create<double>(b3.Slice(t, 4));
            c00 = Vector256.FusedMultiplyAdd(x0, y0, c00);
            c01 = Vector256.FusedMultiplyAdd(x0, y1, c01);
            c02 = Vector256.FusedMultiplyAdd(x0, y2, c02);
            c03 = Vector256.FusedMultiplyAdd(x0, y3, c03);
            c10 = Vector256.FusedMultiplyAdd(x1, y0, c10);
            c11 = Vector256.FusedMultiplyAdd(x1, y1, c11);
            c12 = Vector256.FusedMultiplyAdd(x1, y2, c12);
            c13 = Vector256.FusedMultiplyAdd(x1, y3, c13);
            c20 = Vector256.FusedMultiplyAdd(x2, y0, c20);
            c21 = Vector256.FusedMultiplyAdd(x2, y1, c21);
            c22 = Vector256.FusedMultiplyAdd(x2, y2, c22);
            c23 = Vector256.FusedMultiplyAdd(x2, y3, c23);
            c30 = Vector256.FusedMultiplyAdd(x3, y0, c30);
            c31 = Vector256.FusedMultiplyAdd(x3, y1, c31);
            c32 = Vector256.FusedMultiplyAdd(x3, y2, c32);
            c33 = Vector256.FusedMultiplyAdd(x3, y3, c33);
        }

        var row0 = (j0 * padded) + k0;
        var row1 = row0 + padded;
        var row2 = row1 + padded;
        var row3 = row2 + padded;
        tiles[row0] += Vector256.Sum(c00);
        tiles[row0 + 1] += Vector256.Sum(c01);
        tiles[row0 + 2] += Vector256.Sum(c02);
        tiles[row0 + 3] += Vector256.Sum(c03);
        tiles[row1] += Vector256.Sum(c10);
        tiles[row1 + 1] += Vector256.Sum(c11);
        tiles[row1 + 2] += Vector256.Sum(c12);
        tiles[row1 + 3] += Vector256.Sum(c13);
        tiles[row2] += Vector256.Sum(c20);
        tiles[row2 + 1] += Vector256.Sum(c21);
        tiles[row2 + 2] += Vector256.Sum(c22);
        tiles[row2 + 3] += Vector256.Sum(c23);
        tiles[row3] += Vector256.Sum(c30);
        tiles[row3 + 1] += Vector256.Sum(c31);
        tiles[row3 + 2] += Vector256.Sum(c32);
        tiles[row3 + 3] += Vector256.Sum(c33);
    }

    /// <summary>Maps solver parameters (standardised features, intercept last) to original coefficients and intercept.</summary>
    public (double[] Coefficients, double Intercept) ToOriginal(ReadOnlySpan<double> theta)
    {
        var coefficients = new double[FeatureCount];
        var intercept = HasIntercept ? theta[FeatureCount] : 0.0;
        for (var j = 0; j < FeatureCount; j++)
        {
            coefficients[j] = theta[j] / Scales[j];
            intercept -= coefficients[j] * Means[j];
        }

        return (coefficients, intercept);
    }

    /// <summary>
    /// The rows of the linear map from solver parameters to the original parameters, intercept first (when
    /// there is one) and then the coefficients in feature order, as statsmodels orders them.
    /// </summary>
    public double[][] OriginalParameterMap()
    {
        var rows = new List<double[]>(ParameterCount);
        if (HasIntercept)
        {
            var row = new double[ParameterCount];
            row[FeatureCount] = 1.0;
            for (var j = 0; j < FeatureCount; j++)
            {
                row[j] = -Means[j] / Scales[j];
            }

            rows.Add(row);
        }

        for (var j = 0; j < FeatureCount; j++)
        {
            var row = new double[ParameterCount];
            row[j] = 1.0 / Scales[j];
            rows.Add(row);
        }

        return [.. rows];
    }

    // The mean (zero without an intercept) and the root mean square about it, by the corrected two-pass
    // method: a provisional mean, then the sums of d = x - provisional mean and of d^2.
    private static (double Mean, double Scale) Moments(ReadOnlySpan<double> column, bool fitIntercept)
    {
        var n = column.Length;
        var provisional = fitIntercept ? TensorPrimitives.Sum(column) / n : 0.0;
        double sum = 0, squares = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var center = Vector256.Create(provisional);
            Vector256<double> sumVector = default, squareVector = default;
            for (; i <= n - 4; i += 4)
            {
                var deviation = Vector256.Create<double>(column.Slice(i, 4)) - center;
                sumVector += deviation;
                squareVector = Vector256.FusedMultiplyAdd(deviation, deviation, squareVector);
            }

            sum = Vector256.Sum(sumVector);
            squares = Vector256.Sum(squareVector);
        }

        for (; i < n; i++)
        {
            var deviation = column[i] - provisional;
            sum += deviation;
            squares += deviation * deviation;
        }

        var shift = fitIntercept ? sum / n : 0.0;
        var mean = provisional + shift;
        var scale = Math.Sqrt(Math.Max((squares / n) - (shift * shift), 0));
        if (!double.IsFinite(scale))
        {
            // The squares overflowed (values beyond 1e154): rescale before squaring.
            var centred = column.ToArray();
            TensorPrimitives.Subtract(centred, mean, centred);
            scale = RootMeanSquare(centred);
        }

        return (mean, scale > 0 && double.IsFinite(scale) ? scale : 1.0);
    }

    // column = (column - mean) * inverseScale, in place.
    private static void Standardise(Span<double> column, double mean, double inverseScale)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var center = Vector256.Create(mean);
            var factor = Vector256.Create(inverseScale);
            for (; i <= column.Length - 4; i += 4)
            {
                ((Vector256.Create<double>(column.Slice(i, 4)) - center) * factor).CopyTo(column.Slice(i, 4));
            }
        }

        for (; i < column.Length; i++)
        {
            column[i] = (column[i] - mean) * inverseScale;
        }
    }

    private static double RootMeanSquare(ReadOnlySpan<double> values)
    {
        var largest = Math.Abs(TensorPrimitives.MaxMagnitude(values));
        if (!(largest > 0) || !double.IsFinite(largest))
        {
            return largest;
        }

        // Scaling by the largest magnitude first keeps the squares from overflowing or underflowing.
        var sum = TensorPrimitives.SumOfSquares(values) / (largest * largest);
        if (!double.IsFinite(sum) || sum == 0)
        {
            sum = 0;
            foreach (var value in values)
            {
                var scaled = value / largest;
                sum += scaled * scaled;
            }
        }

        return largest * Math.Sqrt(sum / values.Length);
    }
}
