package dev.falco4j.core.field;

import dev.falco4j.dsl.compile.FieldType;

/**
 * One field of the catalog, as {@code falco --list} shows it and the compiler binds it.
 *
 * @param name dotted name ({@code proc.name})
 * @param type value type for conditions
 * @param argMode whether an argument in brackets is taken
 * @param description what the value is, for {@code --list}
 * @param id the family's id of the field (its extractor switches on it)
 */
public record FieldDef(String name, FieldType type, ArgMode argMode, String description, int id) {

  /** Validates the definition. */
  public FieldDef {
    if (name == null || !name.contains(".") || type == null || argMode == null
        || description == null || description.isBlank()) {
      throw new IllegalArgumentException("incomplete field definition: " + name);
    }
  }

  /** The type name {@code --list} shows (Falco's words: CHARBUF, UINT64, IPADDR ...). */
  public String typeLabel() {
    switch (type) {
      case STRING: return "CHARBUF";
      case FSPATH: return "FSPATH";
      case BYTES: return "BYTEBUF";
      case EVENT_TYPE: return "CHARBUF";
      case IPV4ADDR: case IPV6ADDR: case IPADDR: return "IPADDR";
      case IPV4NET: case IPV6NET: case IPNET: return "IPNET";
      default: return type.name();
    }
  }
}
