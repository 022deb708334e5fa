package dev.falco4j.output.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSettings;
import dev.falco4j.output.Priority;
import dev.falco4j.output.testing.Alerts;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {
  private static final OutputSettings UTC = OutputSettings.DEFAULTS.withZone(ZoneOffset.UTC);
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void textLineIsTimePriorityOutput() {
    String line = new TextAlertFormat(UTC).format(Alerts.sample(0));
    assertThat(line)
        .isEqualTo("01:02:03.000000042: Warning A shell was spawned (proc.name=bash proc.pid=1000 n=0)");
  }

  @Test
  void textUsesTheConfiguredZoneOrIso() {
    Alert a = Alerts.sample(0);
    assertThat(new TextAlertFormat(UTC.withZone(ZoneOffset.ofHours(2))).format(a))
        .startsWith("03:02:03.000000042: Warning ");
    assertThat(new TextAlertFormat(UTC.withTimeFormatIso8601(true)).format(a))
        .startsWith("2026-11-28T01:02:03.000000042Z: Warning ");
  }

  @Test
  void textNeutralisesForgedLines() {
    Alert a = Alert.builder().epochNanos(Alerts.TIME).rule("r").priority(Priority.ERROR)
        .output("file=/tmp/x\n01:02:03.000000000: Critical forged\r\u001b[31m\u2028end\ttab")
        .build();
    String line = new TextAlertFormat(UTC).format(a);
    assertThat(line).doesNotContain("\n", "\r", "\u001b", "\u2028");
    assertThat(line).endsWith(
        "file=/tmp/x\\n01:02:03.000000000: Critical forged\\r\\x1b[31m\\u2028end\ttab");
  }

  @Test
  void textShowsFoldedRepeats() {
    assertThat(new TextAlertFormat(UTC).format(Alerts.sample(0).withCount(7)))
        .endsWith(" (repeated 7 times)");
  }

  @Test
  void controlCharactersKeepCleanTextIdentical() {
    String clean = "proc.name=bash fd.name=/etc/shadow \u00e9\u4e2d";
    assertThat(ControlCharacters.neutralize(clean)).isSameAs(clean);
    assertThat(ControlCharacters.neutralize("\u0000\u007f\u0085"))
        .isEqualTo("\\x00\\x7f\\x85");
  }

  @Test
  void jsonHasFalcosSchema() throws Exception {
    String line = new JsonAlertFormat(UTC).format(Alerts.sample(3));
    assertThat(line).doesNotContain("\n");
    JsonNode n = json.readTree(line);
    assertThat(n.get("time").asText()).isEqualTo("2026-11-28T01:02:03.000000045Z");
    assertThat(n.get("rule").asText()).isEqualTo("Terminal shell");
    assertThat(n.get("priority").asText()).isEqualTo("Warning");
    assertThat(n.get("source").asText()).isEqualTo("syscall");
    assertThat(n.get("hostname").asText()).isEqualTo("host1");
    assertThat(n.get("output").asText())
        .isEqualTo("01:02:03.000000045: Warning A shell was spawned (proc.name=bash proc.pid=1003 n=3)");
    assertThat(n.has("message")).isFalse();
    assertThat(n.get("output_fields").get("proc.pid").isIntegralNumber()).isTrue();
    assertThat(n.get("output_fields").get("proc.pid").asLong()).isEqualTo(1003);
    assertThat(n.get("output_fields").get("fd.name").isNull()).isTrue();
    assertThat(n.get("tags").get(1).asText()).isEqualTo("mitre_execution");
    assertThat(n.has("count")).isFalse();
    List<String> keys = List.copyOf(iterable(n));
    assertThat(keys).containsExactly(
        "hostname", "output", "output_fields", "priority", "rule", "source", "tags", "time");
  }

  @Test
  void jsonSwitchesDropOutputFieldsAndTagsAndAddTheMessage() throws Exception {
    OutputSettings s = new OutputSettings(true, false, true, false, false, true, ZoneOffset.UTC);
    JsonNode n = json.readTree(new JsonAlertFormat(s).format(Alerts.sample(0).withCount(4)));
    assertThat(n.has("output")).isFalse();
    assertThat(n.has("output_fields")).isFalse();
    assertThat(n.has("tags")).isFalse();
    assertThat(n.get("message").asText())
        .isEqualTo("A shell was spawned (proc.name=bash proc.pid=1000 n=0)");
    assertThat(n.get("count").asInt()).isEqualTo(4);

    OutputSettings iso = UTC.withTimeFormatIso8601(true);
    assertThat(json.readTree(new JsonAlertFormat(iso).format(Alerts.sample(0))).get("output").asText())
        .startsWith("2026-11-28T01:02:03.000000042Z: Warning A shell");
  }

  @Test
  void settingsReadTheJsonSwitchesFromFalcoYaml() {
    OutputSettings s = OutputSettings.fromConfig(Map.of(
        "json_output", true, "json_include_message_property", true,
        "json_include_output_fields", false, "json_include_output_property", "false"));
    assertThat(s.jsonOutput()).isTrue();
    assertThat(s.jsonIncludeMessageProperty()).isTrue();
    assertThat(s.jsonIncludeOutputFields()).isFalse();
    assertThat(s.jsonIncludeOutputProperty()).isFalse();
    assertThat(s.jsonIncludeTagsProperty()).isTrue();
    OutputSettings d = OutputSettings.fromConfig(Map.of());
    assertThat(d.jsonIncludeMessageProperty()).isFalse();
    assertThat(d.jsonIncludeOutputFields()).isTrue();
  }

  @Test
  void jsonEscapesHostileStringsAndKeepsTypes() throws Exception {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("fd.name", "/tmp/\"}\n{\"rule\":\"fake\u0000");
    fields.put("evt.is_open_write", true);
    fields.put("evt.latency_ratio", 0.25d);
    fields.put("proc.aname", List.of("bash", "sshd"));
    Alert a = Alert.builder().epochNanos(0).rule("r\"q").priority(Priority.DEBUG)
        .output("x\ny").outputFields(fields).build();
    String line = new JsonAlertFormat(UTC).format(a);
    assertThat(line).doesNotContain("\n");
    JsonNode n = json.readTree(line);
    assertThat(n.get("rule").asText()).isEqualTo("r\"q");
    assertThat(n.get("output").asText()).isEqualTo("00:00:00.000000000: Debug x\ny");
    assertThat(n.get("time").asText()).isEqualTo("1970-01-01T00:00:00.000000000Z");
    JsonNode f = n.get("output_fields");
    assertThat(f.get("fd.name").asText()).isEqualTo("/tmp/\"}\n{\"rule\":\"fake\u0000");
    assertThat(f.get("evt.is_open_write").isBoolean()).isTrue();
    assertThat(f.get("evt.latency_ratio").asDouble()).isEqualTo(0.25d);
    assertThat(f.get("proc.aname").get(1).asText()).isEqualTo("sshd");
    assertThat(n.get("priority").asText()).isEqualTo("Debug");
  }

  @Test
  void formatFollowsJsonOutput() {
    assertThat(AlertFormat.forSettings(UTC)).isInstanceOf(TextAlertFormat.class);
    assertThat(AlertFormat.forSettings(UTC.withJsonOutput(true))).isInstanceOf(JsonAlertFormat.class);
  }

  @Test
  void timesBeforeTheEpochStillRender() {
    assertThat(AlertTimes.iso8601(-1)).isEqualTo("1969-12-31T23:59:59.999999999Z");
    assertThat(AlertTimes.timeOfDay(-1, ZoneOffset.UTC)).isEqualTo("23:59:59.999999999");
  }

  private static List<String> iterable(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
