namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// Dense symmetric positive (semi)definite systems, row-major q x q: Cholesky solves with diagonal
/// equilibration and Levenberg-Marquardt damping, and a pivoted Cholesky that reveals the rank.
/// </summary>
internal static class SymmetricSystems
{
    /// <summary>
    /// Factors a symmetric positive semidefinite H for solving H x = b. H is equilibrated to unit diagonal
    /// first (D H D with D = diag(H)^(-1/2)), so that parameters on very different scales do not spoil the
    /// factorisation; when the equilibrated matrix is not numerically positive definite, mu I is added with
    /// mu growing from 1e-10 (Levenberg-Marquardt damping). Returns null when no damping up to 1e10 helps.
    /// </summary>
    public static EquilibratedCholesky? FactorEquilibrated(double[] h, int q)
    {
        var scale = new double[q];
        for (var j = 0; j < q; j++)
        {
            var diagonal = h[(j * q) + j];
            scale[j] = diagonal > 0 && double.IsFinite(diagonal) ? 1.0 / Math.Sqrt(diagonal) : 1.0;
        }

        var factor = new double[q * q];
        var damping = 0.0;
        while (true)
        {
            for (var j = 0; j < q; j++)
            {
                for (var k = 0; k <= j; k++)
                {
                    factor[(j * q) + k] = h[(j * q) + k] * scale[j] * scale[k];
                }

                factor[(j * q) + j] += damping;
            }

            if (TryCholesky(factor, q, 1e-13))
            {
                return new EquilibratedCholesky(factor, scale, q);
            }

            damping = damping == 0 ? 1e-10 : damping * 100.0;
            if (damping > 1e10)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Factors the lower triangle of <paramref name="a"/> in place as L L^T. Fails when a pivot is not
    /// positive or falls below <paramref name="relativePivot"/> times the largest diagonal entry.
    /// </summary>
    public static bool TryCholesky(double[] a, int q, double relativePivot)
    {
        var largest = 0.0;
        for (var j = 0; j < q; j++)
        {
            largest = Math.Max(largest, a[(j * q) + j]);
        }

        var threshold = relativePivot * largest;
        for (var j = 0; j < q; j++)
        {
            var rowJ = j * q;
            var pivot = a[rowJ + j];
            for (var k = 0; k < j; k++)
            {
                pivot -= a[rowJ + k] * a[rowJ + k];
            }

            if (!(pivot > threshold) || !double.IsFinite(pivot))
            {
                return false;
            }

            var root = Math.Sqrt(pivot);
            a[rowJ + j] = root;
            for (var i = j + 1; i < q; i++)
            {
                var rowI = i * q;
                var sum = a[rowI + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= a[rowI + k] * a[rowJ + k];
                }

                a[rowI + j] = sum / root;
            }
        }

        return true;
    }

    /// <summary>Solves L L^T x = b in place, given the factor from <see cref="TryCholesky"/>.</summary>
    public static void CholeskySolve(double[] factor, int q, Span<double> x)
    {
        for (var i = 0; i < q; i++)
        {
            var sum = x[i];
            for (var k = 0; k < i; k++)
            {
                sum -= factor[(i * q) + k] * x[k];
            }

            x[i] = sum / factor[(i * q) + i];
        }

        for (var i = q - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var k = i + 1; k < q; k++)
            {
                sum -= factor[(k * q) + i] * x[k];
            }

            x[i] = sum / factor[(i * q) + i];
        }
    }

    /// <summary>
    /// Pivoted (rank-revealing) Cholesky of a symmetric positive semidefinite matrix with unit-scale
    /// diagonal: P^T A P = L L^T with L of <see cref="PivotedCholesky.Rank"/> columns. Stops when the largest
    /// remaining diagonal entry of the Schur complement is below <paramref name="relativeTolerance"/> times
    /// the largest diagonal entry of A.
    /// </summary>
    public static PivotedCholesky FactorPivoted(double[] a, int q, double relativeTolerance)
    {
        // The Schur complement stays in the original index order; L is stored by pivot position.
        var schur = (double[])a.Clone();
        var factor = new double[q * q];
        var permutation = Enumerable.Range(0, q).ToArray();
        var largest = 0.0;
        for (var j = 0; j < q; j++)
        {
            largest = Math.Max(largest, schur[(j * q) + j]);
        }

        var threshold = relativeTolerance * largest;
        var rank = 0;
        for (var j = 0; j < q; j++)
        {
            var best = j;
            for (var i = j + 1; i < q; i++)
            {
                if (schur[(permutation[i] * q) + permutation[i]] > schur[(permutation[best] * q) + permutation[best]])
                {
                    best = i;
                }
            }

            var pivotIndex = permutation[best];
            if (!(schur[(pivotIndex * q) + pivotIndex] > threshold))
            {
                break;
            }

            (permutation[j], permutation[best]) = (permutation[best], permutation[j]);
            for (var k = 0; k < j; k++)
            {
                (factor[(j * q) + k], factor[(best * q) + k]) = (factor[(best * q) + k], factor[(j * q) + k]);
            }

            var root = Math.Sqrt(schur[(pivotIndex * q) + pivotIndex]);
            factor[(j * q) + j] = root;
            for (var i = j + 1; i < q; i++)
            {
                factor[(i * q) + j] = schur[(permutation[i] * q) + pivotIndex] / root;
            }

            for (var i = j + 1; i < q; i++)
            {
                var lij = factor[(i * q) + j];
                var rowI = permutation[i] * q;
                for (var k = j + 1; k < q; k++)
                {
                    schur[rowI + permutation[k]] -= lij * factor[(k * q) + j];
                }
            }

            rank++;
        }

        return new PivotedCholesky(factor, permutation, rank, q);
    }
}

/// <summary>The Cholesky factor of D H D with its equilibrating diagonal D.</summary>
internal sealed class EquilibratedCholesky(double[] factor, double[] scale, int size)
{
    /// <summary>Solves H x = b (with the damping the factor was built with).</summary>
    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        for (var j = 0; j < size; j++)
        {
            x[j] = b[j] * scale[j];
        }

        SymmetricSystems.CholeskySolve(factor, size, x);
        for (var j = 0; j < size; j++)
        {
            x[j] *= scale[j];
        }
    }
}

/// <summary>A rank-revealing factorisation P^T A P = L L^T, L stored in the lower triangle of q x q.</summary>
internal sealed class PivotedCholesky(double[] factor, int[] permutation, int rank, int size)
{
    public int Rank { get; } = rank;

    /// <summary>
    /// Returns a^T A^- a for a generalised inverse A^- built from the leading factor. It equals a^T A^+ a
    /// when a lies in the range of A.
    /// </summary>
    public double QuadraticFormOfInverse(ReadOnlySpan<double> a)
    {
        var y = new double[Rank];
        for (var i = 0; i < Rank; i++)
        {
            var sum = a[permutation[i]];
            for (var k = 0; k < i; k++)
            {
                sum -= factor[(i * size) + k] * y[k];
            }

            y[i] = sum / factor[(i * size) + i];
        }

        var total = 0.0;
        foreach (var value in y)
        {
            total += value * value;
        }

        return total;
    }

    /// <summary>
    /// Returns whether a lies in the range of A: it must be orthogonal to every null vector
    /// P [-L11^(-T) L21^T; I], to within <paramref name="relativeTolerance"/>.
    /// </summary>
    public bool InRange(ReadOnlySpan<double> a, double relativeTolerance)
    {
        var norm = 0.0;
        foreach (var value in a)
        {
            norm += value * value;
        }

        norm = Math.Sqrt(norm);
        if (norm == 0)
        {
            return true;
        }

        for (var free = Rank; free < size; free++)
        {
            // Null vector: 1 at permuted position 'free', -L11^(-T) l21 on the leading positions.
            var v = new double[Rank];
            for (var i = 0; i < Rank; i++)
            {
                v[i] = factor[(free * size) + i];
            }

            for (var i = Rank - 1; i >= 0; i--)
            {
                var sum = v[i];
                for (var k = i + 1; k < Rank; k++)
                {
                    sum -= factor[(k * size) + i] * v[k];
                }

                v[i] = sum / factor[(i * size) + i];
            }

            var dot = a[permutation[free]];
            var vectorNorm = 1.0;
            for (var i = 0; i < Rank; i++)
            {
                dot -= v[i] * a[permutation[i]];
                vectorNorm += v[i] * v[i];
            }

            if (Math.Abs(dot) > relativeTolerance * norm * Math.Sqrt(vectorNorm))
            {
                return false;
            }
        }

        return true;
    }
}
