using System.Buffers;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;

namespace AslSweep.Contracts;

/// <summary>
/// Orleans' codec for <see cref="TrialConfig"/> (defined, Orleans-free, in AslSweep.Parameters): it writes and
/// reads <see cref="TrialConfigWire"/>, byte for byte what the earlier Contracts record wrote. TrialConfig only
/// ever appears as a declared field or argument type, never behind object, so no type information is needed.
/// </summary>
[RegisterSerializer]
public sealed class TrialConfigCodec(ICodecProvider codecs) : IFieldCodec<TrialConfig>
{
    private IFieldCodec<TrialConfigWire>? wire;

    private IFieldCodec<TrialConfigWire> Wire => wire ??= codecs.GetCodec<TrialConfigWire>();

    /// <inheritdoc />
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, TrialConfig? value)
        where TBufferWriter : IBufferWriter<byte> =>
        Wire.WriteField(ref writer, fieldIdDelta, typeof(TrialConfigWire), value is null ? null! : TrialConfigWire.From(value));

    /// <inheritdoc />
    public TrialConfig ReadValue<TInput>(ref Reader<TInput> reader, Field field) =>
        Wire.ReadValue(ref reader, field)?.ToConfig()!;
}
