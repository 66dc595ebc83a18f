using System.Text;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>
/// A CSV table read per RFC 4180: comma-separated cells, double quotes around cells that contain commas,
/// quotes or line breaks, a doubled quote for a quote inside them, LF or CRLF line ends. The first record
/// is the header. Blank lines are skipped.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string[] header, List<CsvRecord> records)
    {
        Header = header;
        Records = records;
    }

    public string[] Header { get; }

    /// <summary>The data records, each with the 1-based line on which it starts.</summary>
    public IReadOnlyList<CsvRecord> Records { get; }

    /// <summary>
    /// Reads the table, stopping with <see cref="CsvTooLargeException"/> once it has more than
    /// <paramref name="maxCells"/> cells. The text itself is bounded by the request body limit.
    /// </summary>
    /// <exception cref="FormatException">When a quoted cell is not closed or text follows a closing quote.</exception>
    public static async Task<CsvTable?> ReadAsync(TextReader reader, long maxCells, CancellationToken cancellationToken)
    {
        var text = await reader.ReadToEndAsync(cancellationToken);
        var records = new List<CsvRecord>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        long cellCount = 0;
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var cellWasQuoted = false;
        var afterQuote = false;

        void EndCell()
        {
            cells.Add(cellWasQuoted ? cell.ToString() : cell.ToString().Trim());
            cell.Clear();
            cellWasQuoted = false;
            afterQuote = false;
            if (++cellCount > maxCells)
            {
                throw new CsvTooLargeException(maxCells);
            }
        }

        void EndRecord()
        {
            var lastCellQuoted = cellWasQuoted;
            EndCell();
            if (!(cells.Count == 1 && cells[0].Length == 0 && !lastCellQuoted))
            {
                records.Add(new CsvRecord(recordLine, [.. cells]));
            }
            else
            {
                cellCount--;
            }

            cells.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.ToString().Trim().Length == 0 && !afterQuote:
                    cell.Clear();
                    quoted = true;
                    cellWasQuoted = true;
                    break;
                case ',':
                    EndCell();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (afterQuote && !char.IsWhiteSpace(c))
                    {
                        throw new FormatException($"Line {line}: text follows the closing quote of a cell.");
                    }

                    cell.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"Line {recordLine}: a quoted cell is not closed.");
        }

        if (cell.Length > 0 || cells.Count > 0 || cellWasQuoted)
        {
            EndRecord();
        }

        if (records.Count == 0)
        {
            return null;
        }

        return new CsvTable(records[0].Cells, records.GetRange(1, records.Count - 1));
    }
}

/// <summary>One CSV record and the 1-based line it starts on.</summary>
public sealed record CsvRecord(int Line, string[] Cells);

/// <summary>Thrown when a CSV table has more cells than the request limit allows.</summary>
public sealed class CsvTooLargeException(long maxCells)
    : Exception($"The CSV table has more than {maxCells} cells.")
{
    public long MaxCells { get; } = maxCells;
}
