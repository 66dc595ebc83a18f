namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// A dense table of features, one row per observation, stored row-major. The constructor keeps a
/// reference to the values array: callers must not change it afterwards.
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Wraps row-major values of <paramref name="rows"/> rows and <paramref name="columns"/> columns.</summary>
    /// <exception cref="ArgumentException">When the length is not rows * columns or a size is not positive.</exception>
    public FeatureMatrix(double[] values, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException($"Expected {(long)rows * columns} values for {rows} x {columns}, got {values.Length}.", nameof(values));
        }

        Values = values;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The values, row-major: the value of row i, column j is at i * Columns + j.</summary>
    public double[] Values { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The values of one row.</summary>
    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * Columns, Columns);

    public double this[int row, int column] => Values[(row * Columns) + column];

    /// <summary>Copies a jagged array of equally long rows.</summary>
    /// <exception cref="ArgumentException">When there are no rows or the rows differ in length.</exception>
    public static FeatureMatrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows[0].Count == 0)
        {
            throw new ArgumentException("The table must have at least one row and one column.", nameof(rows));
        }

        var columns = rows[0].Count;
        var values = new double[(long)rows.Count * columns];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Count != columns)
            {
                throw new ArgumentException($"Row {i} has {row.Count} values, but row 0 has {columns}.", nameof(rows));
            }

            for (var j = 0; j < columns; j++)
            {
                values[(i * columns) + j] = row[j];
            }
        }

        return new FeatureMatrix(values, rows.Count, columns);
    }
}
