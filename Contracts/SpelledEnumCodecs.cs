namespace AslSweep.Contracts;

/// <summary>The spec's closed sets on the wire, as their spellings.</summary>
[RegisterSerializer]
internal sealed class SearchMethodCodec() : SpelledEnumCodec<SearchMethod>(Spellings.Method);

/// <summary>metric.name on the wire.</summary>
[RegisterSerializer]
internal sealed class MetricNameCodec() : SpelledEnumCodec<MetricName>(Spellings.Metric);

/// <summary>metric.goal on the wire.</summary>
[RegisterSerializer]
internal sealed class MetricGoalCodec() : SpelledEnumCodec<MetricGoal>(Spellings.Goal);

/// <summary>scheduler.type on the wire.</summary>
[RegisterSerializer]
internal sealed class SchedulerTypeCodec() : SpelledEnumCodec<SchedulerType>(Spellings.Scheduler);

/// <summary>data.labels on the wire.</summary>
[RegisterSerializer]
internal sealed class LabelConventionCodec() : SpelledEnumCodec<LabelConvention>(Spellings.Labels);
