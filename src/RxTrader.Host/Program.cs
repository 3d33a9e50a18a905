using System.Reactive.Concurrency;
using System.Reflection;
using Microsoft.Extensions.Configuration.UserSecrets;
using RxTrader.Host.Cli;
using RxTrader.Host.Configuration;

// The process owns the real clocks: every component below gets them injected.
#pragma warning disable RS0030
var time = TimeProvider.System;
#pragma warning restore RS0030

using var signals = ShutdownSignals.Register(Console.Error, static code => Environment.Exit(code));

// Never disposed: Rx moves even cancelled long timers onto it when the system clock jumps.
var scheduler = new EventLoopScheduler();

var secretsId = typeof(ShutdownSignals).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()?.UserSecretsId;
var context = new HostContext(
    Console.Out,
    Console.Error,
    OutputIsTerminal: !Console.IsOutputRedirected,
    AppContext.BaseDirectory,
    LayeredConfiguration.ProcessEnvironment(),
    secretsId is null ? null : PathHelper.GetSecretsPathFromSecretsId(secretsId),
    time,
    scheduler,
    signals.Token);
return await RxTraderCli.RunAsync(args, context).ConfigureAwait(false);
