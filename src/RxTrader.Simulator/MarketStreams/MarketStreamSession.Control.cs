using System.Text.Json;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.MarketStreams;

/// <summary>The control protocol (binance-wire §1.3).</summary>
internal sealed partial class MarketStreamSession
{
    private const string CombinedProperty = "combined";

    private void Handle(ReadOnlySpan<byte> message)
    {
        if (!ControlRequestParser.TryParse(message, out var request, out var jsonError))
        {
            SendError(jsonError!.Value, ControlId.Null);
            return;
        }

        if (request.BadId)
        {
            SendError(ControlErrors.BadId, ControlId.Null);
            return;
        }

        var id = request.Id;
        if (request.BadMethodType || request.BadParamsType)
        {
            SendError(ControlErrors.InvalidRequest, id);
            return;
        }

        switch (request.Method)
        {
            case null:
                SendError(ControlErrors.MissingMethod(request.Length), id);
                break;
            case "SUBSCRIBE":
                Subscribe(request.Parameters, id);
                break;
            case "UNSUBSCRIBE":
                Unsubscribe(request.Parameters, id);
                break;
            case "LIST_SUBSCRIPTIONS":
                ListSubscriptions(id);
                break;
            case "SET_PROPERTY":
                SetProperty(request.Parameters, id);
                break;
            case "GET_PROPERTY":
                GetProperty(request.Parameters, id);
                break;
            default:
                SendError(ControlErrors.UnknownMethod(request.Method, request.MethodEndColumn), id);
                break;
        }
    }

    private void Subscribe(List<ControlParameter> parameters, ControlId id)
    {
        var streams = new List<ResolvedStream>(parameters.Count);
        foreach (var parameter in parameters)
        {
            if (!parameter.IsString || !ResolvedStream.TryResolve(_context.Hub, parameter.Text, _options.EnableFirehose, out var stream))
            {
                // All or nothing: one bad name subscribes none.
                SendError(ControlErrors.InvalidStream, id);
                return;
            }

            streams.Add(stream);
        }

        if (!TryAdd(streams, out var added))
        {
            SendError(ControlErrors.TooManyStreams, id);
            return;
        }

        // The reply is queued before the first payload can be: clients resolve the subscription on it.
        SendNullResult(id);
        Start(added);
    }

    private void Unsubscribe(List<ControlParameter> parameters, ControlId id)
    {
        var keys = new List<string>(parameters.Count);
        foreach (var parameter in parameters)
        {
            // Unsubscribing a stream that is not there (or does not exist) is not an error.
            if (parameter.IsString && ResolvedStream.TryResolve(_context.Hub, parameter.Text, allowFirehose: true, out var stream))
            {
                keys.Add(stream.Key);
            }
        }

        Remove(keys);
        SendNullResult(id);
    }

    private void ListSubscriptions(ControlId id)
    {
        var names = Streams;
        var w = BeginReply();
        w.WriteStartArray("result"u8);
        foreach (var name in names)
        {
            w.WriteStringValue(name);
        }

        w.WriteEndArray();
        EndReply(id);
    }

    private void SetProperty(List<ControlParameter> parameters, ControlId id)
    {
        if (!CheckProperty(parameters, maxParameters: 2, id))
        {
            return;
        }

        if (parameters.Count < 2 || !parameters[1].IsBoolean)
        {
            SendError(ControlErrors.ExpectedBoolean, id);
            return;
        }

        _combined = parameters[1].Type == JsonTokenType.True;
        SendNullResult(id);
    }

    private void GetProperty(List<ControlParameter> parameters, ControlId id)
    {
        if (!CheckProperty(parameters, maxParameters: 1, id))
        {
            return;
        }

        var w = BeginReply();
        w.WriteBoolean("result"u8, _combined);
        EndReply(id);
    }

    /// <summary>Checks the parameter count and the property name; answers the error and returns false when wrong.</summary>
    private bool CheckProperty(List<ControlParameter> parameters, int maxParameters, ControlId id)
    {
        ExchangeError? error = parameters.Count > maxParameters ? ControlErrors.TooManyParameters
            : parameters.Count == 0 || !parameters[0].IsString ? ControlErrors.PropertyNameNotString
            : parameters[0].Text != CombinedProperty ? ControlErrors.UnknownProperty
            : null;
        if (error is { } e)
        {
            SendError(e, id);
            return false;
        }

        return true;
    }

    private void SendNullResult(ControlId id)
    {
        var w = BeginReply();
        w.WriteNull("result"u8);
        EndReply(id);
    }

    private void SendError(ExchangeError error, ControlId id)
    {
        var w = BeginReply();
        w.WriteStartObject("error"u8);
        w.WriteNumber("code"u8, error.Code);
        w.WriteString("msg"u8, error.Message);
        w.WriteEndObject();
        EndReply(id);
    }

    private Utf8JsonWriter BeginReply()
    {
        _reply.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        return _writer;
    }

    private void EndReply(ControlId id)
    {
        id.Write(_writer);
        _writer.WriteEndObject();
        _writer.Flush();
        Socket.TrySendText(_reply.WrittenSpan);
    }
}
