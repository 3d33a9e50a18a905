using System.CommandLine;
using System.CommandLine.Invocation;
using RxTrader.Host.Configuration;
using RxTrader.Host.Run;
using RxTrader.Host.Simulator;

namespace RxTrader.Host.Cli;

/// <summary>The <c>rxtrader</c> command line: the verbs, their options, and the exit-code policy (2 for bad
/// arguments or configuration, 1 for an unexpected failure, 0 otherwise, Ctrl+C included).</summary>
internal static class RxTraderCli
{
    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the exit code; never throws.</summary>
    public static async Task<int> RunAsync(string[] args, HostContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var redactor = SecretRedactor.From(context.Environment, context.UserSecretsFile);
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Print the effective settings at start (API key and secret redacted) and full details of an unexpected failure. Default: off.",
            Recursive = true,
        };
        var root = Build(context, verbose);
        var result = root.Parse(args);
        var isVerbose = false;
        try
        {
            isVerbose = result.GetValue(verbose);
            if (result.Action is ParseErrorAction)
            {
                return ParseError(result, context.Error, redactor);
            }

            var invocation = new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,

                // The host handles Ctrl+C and SIGTERM itself (ShutdownSignals).
                ProcessTerminationTimeout = null,
            };
            return await result.InvokeAsync(invocation, context.Stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.Stopping.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
#pragma warning disable CA1031 // The top level turns every failure into a message and an exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var line = $"rxtrader: unexpected failure: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
            context.Error.WriteLine(redactor.Redact(isVerbose ? line : line + " (run with --verbose for details)"));
            if (isVerbose)
            {
                context.Error.WriteLine(redactor.Redact(e.ToString()));
            }

            return ExitCodes.Failure;
        }
    }

    private static RootCommand Build(HostContext context, Option<bool> verbose)
    {
        var runOptions = new RunOptions();
        var root = new RootCommand(
            "rxtrader: a Reactive Extensions crypto-trading engine. Without a verb it runs the engine (the run verb) on the "
            + "embedded simulator. Configuration: appsettings.json next to the executable, --config FILE, RXTRADER_* environment "
            + "variables (RXTRADER_Engine__BarInterval=5s) and options, later ones winning. Exit codes: 0 ok (Ctrl+C included), "
            + "1 unexpected failure, 2 bad arguments or configuration.");
        root.Options.Add(verbose);
        runOptions.AddTo(root);

        var run = new Command("run", "Run the trading engine: market data → bars → strategy → risk gate → orders, with a live dashboard and Prometheus metrics. The default verb.");
        runOptions.AddTo(run);
        root.Subcommands.Add(run);

        var simOptions = new SimOptions();
        var sim = new Command("sim", $"Run the Binance-compatible exchange simulator alone on loopback and print its URLs, demo API key and how to point Binance clients at it. Stops on Ctrl+C, SIGTERM or --duration.");
        simOptions.AddTo(sim);
        root.Subcommands.Add(sim);
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(IndicatorsCommand.Create(context));

        root.SetAction((result, ct) => RunVerbAsync(result, runOptions, verbose, context, ct));
        run.SetAction((result, ct) => RunVerbAsync(result, runOptions, verbose, context, ct));
        sim.SetAction((result, ct) => SimVerbAsync(result, simOptions, context, ct));
        return root;
    }

    private static async Task<int> RunVerbAsync(ParseResult result, RunOptions options, Option<bool> verbose, HostContext context, CancellationToken ct)
    {
        var (keys, errors) = options.ToConfiguration(result);
        if (errors.Count != 0)
        {
            return BadConfiguration(errors, "run", context.Error);
        }

        var input = new ConfigurationInput(context.BaseDirectory, result.GetValue(options.Config), context.Environment, keys, context.UserSecretsFile);
        var (configuration, secrets, configurationErrors) = LayeredConfiguration.Build(input);
        if (configuration is null || secrets is null)
        {
            return BadConfiguration(configurationErrors, "run", context.Error);
        }

        var (settings, bindErrors) = RunSettingsBinder.Bind(configuration, secrets, context.OutputIsTerminal);
        if (settings is null)
        {
            return BadConfiguration(bindErrors, "run", context.Error);
        }

        if (result.GetValue(options.Check))
        {
            await context.Output.WriteLineAsync($"rxtrader: the configuration is valid: {settings}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (result.GetValue(verbose))
        {
            await context.Error.WriteLineAsync($"rxtrader: settings: {settings}").ConfigureAwait(false);
        }

        using var duration = settings.Duration is { } d ? new CancellationTokenSource(d, context.Time) : new CancellationTokenSource();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, duration.Token);
        return await EngineRun.ExecuteAsync(settings, context, stopping.Token).ConfigureAwait(false);
    }

    private static async Task<int> SimVerbAsync(ParseResult result, SimOptions options, HostContext context, CancellationToken ct)
    {
        var (settings, errors) = options.Bind(result);
        if (settings is null)
        {
            return BadConfiguration(errors, "sim", context.Error);
        }

        return await SimHost.RunAsync(settings, context.Output, context.Error, context.Scheduler, context.Time, ct).ConfigureAwait(false);
    }

    private static int BadConfiguration(IEnumerable<string> errors, string verb, TextWriter error)
    {
        foreach (var message in errors)
        {
            error.WriteLine("rxtrader: " + message);
        }

        error.WriteLine($"rxtrader: see 'rxtrader {verb} --help' and src/RxTrader.Host/README.md for the options and settings.");
        return ExitCodes.BadArguments;
    }

    private static int ParseError(ParseResult result, TextWriter error, SecretRedactor redactor)
    {
        var verb = result.CommandResult.Command is RootCommand ? string.Empty : result.CommandResult.Command.Name + " ";

        // An attempt to pass a key on the command line is refused without echoing it.
        if (result.Tokens.Any(static t => t.Value.StartsWith("--api", StringComparison.OrdinalIgnoreCase) || t.Value.StartsWith("--secret", StringComparison.OrdinalIgnoreCase) || t.Value.StartsWith("--key", StringComparison.OrdinalIgnoreCase)))
        {
            error.WriteLine("rxtrader: API keys are never taken from the command line: set RXTRADER_API_KEY and RXTRADER_API_SECRET, or the user secrets Binance:ApiKey and Binance:ApiSecret.");
        }
        else
        {
            error.WriteLine("rxtrader: " + redactor.Redact(result.Errors[0].Message.ReplaceLineEndings(" ")));
        }

        error.WriteLine($"rxtrader: see 'rxtrader {verb}--help' for the options.");
        return ExitCodes.BadArguments;
    }
}
