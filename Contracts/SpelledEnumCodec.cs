using System.Buffers;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace AslSweep.Contracts;

/// <summary>
/// Writes a closed set's value as its spelling (a string), byte for byte what the records wrote when these fields
/// were strings; reads the spelling back. A word no spelling knows (a client not ours) reads as an undefined value,
/// which the spec's validation reports by its path.
/// </summary>
/// <typeparam name="TEnum">The closed set.</typeparam>
public abstract class SpelledEnumCodec<TEnum>(Spelling<TEnum> spelling) : IFieldCodec<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>The value a word no spelling knows reads as (never a defined member).</summary>
    public static TEnum Unknown { get; } = (TEnum)Enum.ToObject(typeof(TEnum), -1);

    /// <inheritdoc />
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, TEnum value)
        where TBufferWriter : IBufferWriter<byte> =>
        StringCodec.WriteField(ref writer, fieldIdDelta, Enum.IsDefined(value) ? spelling.Of(value) : "");

    /// <inheritdoc />
    public TEnum ReadValue<TInput>(ref Reader<TInput> reader, Field field) =>
        spelling.TryRead(StringCodec.ReadValue(ref reader, field), out var value, out _) ? value : Unknown;
}
