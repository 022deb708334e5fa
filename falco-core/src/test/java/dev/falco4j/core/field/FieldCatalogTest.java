package dev.falco4j.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.falco4j.core.testing.SharedFiles;
import dev.falco4j.dsl.ConditionParser;
import dev.falco4j.dsl.ParseResult;
import dev.falco4j.dsl.ast.And;
import dev.falco4j.dsl.ast.Check;
import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.dsl.ast.FieldRef;
import dev.falco4j.dsl.ast.MacroRef;
import dev.falco4j.dsl.ast.Not;
import dev.falco4j.dsl.ast.Operand;
import dev.falco4j.dsl.ast.Or;
import dev.falco4j.dsl.ast.Transform;
import dev.falco4j.dsl.ast.ValRef;
import dev.falco4j.dsl.compile.FieldBinding;
import dev.falco4j.dsl.compile.FieldType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FieldCatalogTest {

  private final FieldCatalog catalog = new FieldCatalog();

  @Test
  void everyFieldOfTheUpstreamRulesExistsAndIsTyped() throws IOException {
    JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(
        SharedFiles.upstreamRules().toFile());
    ConditionParser parser = ConditionParser.create();
    List<FieldRef> refs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    int conditions = 0;
    for (JsonNode item : doc) {
      JsonNode cond = item.path("condition");
      if (cond.isTextual()) {
        ParseResult r = parser.parse(cond.asText());
        assertThat(r.ok()).as("parses: " + cond.asText()).isTrue();
        collect(r.expr(), refs);
        conditions++;
      }
      if (item.path("output").isTextual()) {
        outputs.add(item.path("output").asText());
      }
    }
    assertThat(conditions).isGreaterThan(100);
    assertThat(refs).hasSizeGreaterThan(200);
    Set<String> unbound = new TreeSet<>();
    Set<String> distinct = new HashSet<>();
    for (FieldRef ref : refs) {
      String key = ref.name() + (ref.argument() == null ? "" : "[" + ref.argument() + "]");
      if (!distinct.add(key)) {
        continue;
      }
      FieldBinding<EvalContext> b = catalog.resolve(ref.name(), ref.argument());
      if (!b.isBound()) {
        unbound.add(key + ": " + b.errorMessage());
      } else {
        assertThat(b.type()).as(key).isNotNull();
      }
    }
    assertThat(unbound).as("fields used by upstream conditions").isEmpty();
    assertThat(distinct).contains("proc.aname[2]", "proc.name", "fd.name", "evt.type",
        "container.image.repository");
    for (String output : outputs) {
      OutputFormat f = OutputFormat.compile(output, catalog);
      assertThat(f.fields()).as(output).isNotEmpty();
    }
    assertThat(outputs).hasSizeGreaterThan(20);
  }

  private static void collect(Expr e, List<FieldRef> out) {
    if (e instanceof And a) {
      a.operands().forEach(x -> collect(x, out));
    } else if (e instanceof Or o) {
      o.operands().forEach(x -> collect(x, out));
    } else if (e instanceof Not n) {
      collect(n.operand(), out);
    } else if (e instanceof Check c) {
      operand(c.left(), out);
      if (c.right() != null) {
        operand(c.right(), out);
      }
    } else if (!(e instanceof MacroRef)) {
      throw new AssertionError("unexpected node " + e);
    }
  }

  private static void operand(Operand o, List<FieldRef> out) {
    if (o instanceof FieldRef f) {
      out.add(f);
    } else if (o instanceof Transform t) {
      t.arguments().forEach(a -> operand(a, out));
    } else if (o instanceof ValRef v) {
      operand(v.field(), out);
    }
  }

  @Test
  void everyDefinitionIsCompleteAndNamesAreUnique() {
    Set<String> names = new HashSet<>();
    int count = 0;
    for (FieldFamily f : catalog.families()) {
      assertThat(f.description()).isNotBlank();
      for (FieldDef d : f.fields()) {
        assertThat(names.add(d.name())).as("unique " + d.name()).isTrue();
        assertThat(d.name()).startsWith(f.name() + ".");
        assertThat(d.description()).as(d.name()).endsWith(".");
        assertThat(catalog.field(d.name())).isSameAs(d);
        count++;
      }
    }
    assertThat(count).isGreaterThan(200);
  }

  @Test
  void argumentFormsBindAsFalcoWritesThem() {
    assertThat(catalog.resolve("proc.aname", "3").multiValued()).isFalse();
    assertThat(catalog.resolve("proc.aname", null).multiValued()).isTrue();
    assertThat(catalog.resolve("proc.apid", null).type()).isEqualTo(FieldType.PID);
    assertThat(catalog.resolve("evt.arg.flags", null).isBound()).isTrue();
    assertThat(catalog.resolve("evt.arg", "0").isBound()).isTrue();
    assertThat(catalog.resolve("evt.rawarg.res", null).type()).isEqualTo(FieldType.INT64);
    assertThat(catalog.resolve("evt.rawarg.name", null).type()).isEqualTo(FieldType.STRING);
    assertThat(catalog.resolve("proc.env", "HOME").isBound()).isTrue();
    assertThat(catalog.resolve("k8s.pod.label.app", null).isBound()).isTrue();
    assertThat(catalog.resolve("thread.cgroup.cpuacct", null).isBound()).isTrue();
    assertThat(catalog.resolve("fd.sport", null).type()).isEqualTo(FieldType.PORT);
    assertThat(catalog.resolve("fd.net", null).type()).isEqualTo(FieldType.IPNET);
    assertThat(catalog.resolve("evt.type", null).type()).isEqualTo(FieldType.EVENT_TYPE);
  }

  @Test
  void badReferencesAreErrorsWithAClearMessage() {
    assertThat(catalog.resolve("proc.nmae", null).errorMessage())
        .isEqualTo("unknown field 'proc.nmae'");
    assertThat(catalog.resolve("proc.name", "1").errorMessage())
        .isEqualTo("proc.name takes no argument");
    assertThat(catalog.resolve("proc.aname", "x").errorMessage())
        .isEqualTo("proc.aname needs a numeric argument, got 'x'");
    assertThat(catalog.resolve("evt.arg", null).errorMessage())
        .contains("evt.arg needs an argument");
    assertThat(catalog.resolve("evt.rawarg", "nosuchparam").errorMessage())
        .isEqualTo("no event has an argument named 'nosuchparam'");
    assertThatThrownBy(() -> OutputFormat.compile("x=%proc.nmae", catalog))
        .hasMessageContaining("unknown field 'proc.nmae' at offset 2");
    assertThatThrownBy(() -> OutputFormat.compile("x=%proc.aname[2", catalog))
        .hasMessageContaining("unclosed '['");
  }

  @Test
  void eventTypeNamesCoverDedicatedAndGenericSyscalls() {
    int[] open = catalog.eventTypeIds("open");
    assertThat(open).hasSizeGreaterThanOrEqualTo(3);
    int generic = 0;
    for (int id : open) {
      if (id >= catalog.eventTable().size()) {
        generic++; // older traces may report it as a generic event
      } else {
        assertThat(catalog.eventTable().event(id).name()).isEqualTo("open");
      }
    }
    assertThat(generic).isEqualTo(1);
    // rt_sigaction has no dedicated event: generic syscall events carry it
    assertThat(catalog.eventTypeIds("rt_sigaction")).hasSize(1);
    assertThat(catalog.eventTypeIds("rt_sigaction")[0]).isGreaterThanOrEqualTo(
        catalog.eventTable().size());
    assertThat(catalog.eventTypeIds("bogus")).isEmpty();
    assertThat(catalog.eventTypeCount()).isGreaterThan(catalog.eventTable().size());
  }

  @Test
  void listingShowsEveryFieldAsTextAndMarkdown() {
    String text = FieldListing.render(catalog, null, false);
    String md = FieldListing.render(catalog, "syscall", true);
    for (String name : FieldListing.names(catalog)) {
      assertThat(text).contains(name);
      assertThat(md).contains("`" + name);
    }
    assertThat(text).contains("Field Class: proc").contains("proc.aname[N]");
    assertThat(md).contains("## Field Class: fd").contains("Name | Type | Description");
    assertThat(FieldListing.render(catalog, "k8saudit", false)).isEmpty();
    for (String line : text.split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(140);
    }
  }
}
