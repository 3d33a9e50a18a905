using System.CommandLine;
using System.Text;
using RxTrader.Binance.PublicData;
using RxTrader.Host.Indicators;
using Symbol = RxTrader.Core.Symbol;

namespace RxTrader.Host.Cli;

/// <summary>The <c>indicators</c> verb: a Binance klines CSV in, one CSV row per bar with the requested indicator
/// values out.</summary>
internal static class IndicatorsCommand
{
    /// <summary>The verb, ready to add to the root command.</summary>
    public static Command Create(HostContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Option<string>("--data")
        {
            HelpName = "KLINES.csv",
            Description = "The Binance public-data klines file (12 columns, optional header, open time in ms or µs). Default: none (required).",
        };
        var indicators = new Option<string>("--indicators")
        {
            HelpName = "LIST",
            Description = $"Comma-separated: {IndicatorList.Forms} (MACD writes macd, signal and histogram columns; bb writes lower, middle and upper). Default: none (required).",
        };
        var output = new Option<string>("--out")
        {
            HelpName = "FILE",
            Description = "The CSV to write (replaced only when the whole input was read), or - for standard output. Default: standard output.",
        };
        var command = new Command(
            "indicators",
            "Compute indicators over a klines CSV with the engine's own calculators: one row per bar with open time (ISO 8601 UTC), open, high, low, close, volume "
            + "and every requested value (empty while warming up; invariant culture). For inspection and for comparing with other tools.");
        command.Options.Add(data);
        command.Options.Add(indicators);
        command.Options.Add(output);
        command.SetAction(result => Execute(result.GetValue(data), result.GetValue(indicators), result.GetValue(output), context));
        return command;
    }

    private static int Execute(string? data, string? indicators, string? output, HostContext context)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(data))
        {
            errors.Add("missing --data: expected a Binance klines CSV file.");
        }

        IReadOnlyList<IndicatorColumns>? columns = null;
        if (string.IsNullOrWhiteSpace(indicators))
        {
            errors.Add($"missing --indicators: expected a comma-separated list of {IndicatorList.Forms}.");
        }
        else
        {
            (columns, var listErrors) = IndicatorList.Parse(indicators);
            errors.AddRange(listErrors);
        }

        var toFile = output is not null && output != "-";
        if (toFile)
        {
            var folder = string.IsNullOrWhiteSpace(output) ? null : Path.GetDirectoryName(Path.GetFullPath(output));
            if (folder is null || !Directory.Exists(folder) || Directory.Exists(output))
            {
                errors.Add($"invalid value '{output}' for --out: expected a file in an existing folder, or - for standard output.");
            }
        }

        if (errors.Count != 0 || columns is null)
        {
            return Bad(errors, context.Error);
        }

        var options = new PublicDataCsvOptions { Symbol = SymbolOf(data!) };
        var temporary = toFile ? output + ".partial" : null;
        try
        {
            using var reader = PublicDataCsvReader.Open(data!, options);
            if (temporary is null)
            {
                IndicatorExport.Write(reader.ReadKlines(), columns, context.Output);
                context.Output.Flush();
                return ExitCodes.Ok;
            }

            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                IndicatorExport.Write(reader.ReadKlines(), columns, writer);
            }

            File.Move(temporary, output!, overwrite: true);
            return ExitCodes.Ok;
        }
        catch (PublicDataCsvException e)
        {
            return Bad([e.Message], context.Error, temporary);
        }
        catch (FileNotFoundException)
        {
            return Bad([$"{data}: no such file (--data)."], context.Error, temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Bad([$"{data}: cannot be read or {output} cannot be written: {e.Message.ReplaceLineEndings(" ")}"], context.Error, temporary);
        }
    }

    // The file names of data.binance.vision start with the symbol (BTCUSDT-1m-2024-01.csv); the symbol is not written.
    private static Symbol SymbolOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var candidate = dash > 0 ? name[..dash] : name;
        return candidate.Length is > 0 and <= Symbol.MaxLength && candidate.All(char.IsLetterOrDigit) ? new Symbol(candidate) : new Symbol("CSV");
    }

    private static int Bad(IEnumerable<string> errors, TextWriter error, string? temporary = null)
    {
        if (temporary is not null && File.Exists(temporary))
        {
            File.Delete(temporary);
        }

        foreach (var message in errors)
        {
            error.WriteLine("rxtrader: " + message);
        }

        error.WriteLine("rxtrader: see 'rxtrader indicators --help' for the options.");
        return ExitCodes.BadArguments;
    }
}
