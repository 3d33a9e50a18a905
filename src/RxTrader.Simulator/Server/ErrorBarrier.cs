using Microsoft.AspNetCore.Http;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Rest;

namespace RxTrader.Simulator.Server;

/// <summary>
/// The outermost middleware: no request ends in a 500 or an empty error. An exception becomes
/// <c>{"code":-1000,"msg":"An unknown error occurred while processing the request."}</c> (counted); an oversized
/// body becomes 413; unknown paths and wrong methods get Binance-shaped bodies.
/// </summary>
internal static class ErrorBarrier
{
    public static readonly ExchangeError Unknown = new(-1000, "An unknown error occurred while processing the request.");
    public static readonly ExchangeError NotFound = new(-1020, "This operation is not supported.");
    public static readonly ExchangeError BodyTooLarge = new(-1000, "Request body too large.");

    public static async Task InvokeAsync(HttpContext http, RequestDelegate next, SimulatorContext context)
    {
        try
        {
            await next(http).ConfigureAwait(false);
            if (!http.Response.HasStarted && http.Response.StatusCode is 404 or 405)
            {
                await RestResponse.WriteErrorAsync(http, context, http.Response.StatusCode, NotFound).ConfigureAwait(false);
            }
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            var status = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? 413 : 400;
            await RestResponse.WriteErrorAsync(http, context, status, status == 413 ? BodyTooLarge : Unknown).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
#pragma warning disable CA1031 // The barrier's purpose: any failure becomes a Binance-shaped -1000.
        catch (Exception)
#pragma warning restore CA1031
        {
            context.CountUnhandledError();
            if (http.Response.HasStarted)
            {
                http.Abort();
                return;
            }

            http.Response.Clear();
            await RestResponse.WriteErrorAsync(http, context, 400, Unknown).ConfigureAwait(false);
        }
    }
}
