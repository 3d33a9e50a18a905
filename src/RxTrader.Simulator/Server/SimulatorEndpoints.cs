using Microsoft.AspNetCore.Routing;
using RxTrader.Simulator.Faults;
using RxTrader.Simulator.MarketStreams;
using RxTrader.Simulator.Rest;
using RxTrader.Simulator.UserData;

namespace RxTrader.Simulator.Server;

/// <summary>The server's route table: each route group is one <c>MapXxx(this IEndpointRouteBuilder,
/// SimulatorContext)</c> in its own file, registered here with one line.</summary>
internal static class SimulatorEndpoints
{
    public static void MapAll(IEndpointRouteBuilder endpoints, SimulatorContext context)
    {
        endpoints.MapRestGeneral(context);
        endpoints.MapRestTrading(context);
        endpoints.MapRestAccount(context);
        endpoints.MapRestMarketData(context);
        endpoints.MapRestSapi(context);
        endpoints.MapUserData(context);
        endpoints.MapFaultControl(context);
        endpoints.MapMarketStreams(context);
    }
}
