package dev.falco4j.core.event;

/**
 * One parameter of an event type, as declared by the event table.
 *
 * @param name parameter name ({@code fd}, {@code res}, ...), as used by {@code evt.arg.NAME}
 * @param type encoding
 * @param format display format
 * @param flagSet flag set (flags-table.tsv) of flag, enum-flag and mode parameters, or null
 * @param dirfdIndex for {@link ParamType#FSRELPATH}: index of the parameter holding the directory
 *     fd the path is relative to, else -1
 * @param dynamicTable for {@link ParamType#DYN}: the alternatives selected by the first byte
 *     (dynamic-params.tsv), else null
 */
public record ParamInfo(
    String name,
    ParamType type,
    PrintFormat format,
    FlagSet flagSet,
    int dirfdIndex,
    DynamicParamTable dynamicTable) {}
