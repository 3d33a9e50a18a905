using System.Collections.Immutable;

namespace RxTrader.Binance.Wire;

/// <summary>The server's answer to a control request (<see cref="ControlRequestWriter"/>).</summary>
/// <remarks>
/// Control replies are rare, so this is a class and its strings are allocated. The server echoes the
/// request id, which is a 64-bit integer, a string, or null; <see cref="Id"/> holds a numeric id and
/// <see cref="TextId"/> a string id. The bare <c>{"code":N,"msg":"..."}</c> shape has no id at all.
/// </remarks>
public sealed record ControlReply
{
    /// <summary>What the reply answers.</summary>
    public required ControlReplyKind Kind { get; init; }

    /// <summary>The echoed numeric request id; null when the id was null, a string, or absent.</summary>
    public long? Id { get; init; }

    /// <summary>The echoed request id when it was a JSON string; null otherwise.</summary>
    public string? TextId { get; init; }

    /// <summary>The subscribed streams of a <see cref="ControlReplyKind.Subscriptions"/> reply; empty otherwise.</summary>
    public ImmutableArray<string> Streams { get; init; } = [];

    /// <summary>The property value of a <see cref="ControlReplyKind.PropertyValue"/> reply; null otherwise.</summary>
    public bool? PropertyValue { get; init; }

    /// <summary>The error of a <see cref="ControlReplyKind.Error"/> reply; null otherwise.</summary>
    public StreamError? Error { get; init; }
}
