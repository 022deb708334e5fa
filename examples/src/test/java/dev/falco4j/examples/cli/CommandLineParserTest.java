package dev.falco4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.examples.cli.CommandLineParser.Option;
import dev.falco4j.examples.cli.CommandLineParser.Parameter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command-line parser on the {@code falco} and {@code falco inspect} tables: every accepted
 * form, every error, and a help text that shows every option.
 */
class CommandLineParserTest {

  private static FalcoOptions falco(String... args) throws CommandLineException {
    ParsedCommandLine parsed = FalcoCommand.PARSER.parse(args, 0);
    if (parsed.problem() != null) {
      throw parsed.problem();
    }
    return FalcoOptions.from(parsed);
  }

  private static ParsedCommandLine inspect(String... args) throws CommandLineException {
    return InspectCommand.PARSER.parse(args, 0);
  }

  /** The message of the usage error {@code args} cause, thrown or kept for after a help check. */
  private static String falcoError(String... args) {
    try {
      falco(args);
    } catch (CommandLineException e) {
      return e.getMessage();
    }
    throw new AssertionError("no usage error for " + List.of(args));
  }

  // ------------------------------------------------------------------ accepted forms

  @Test
  void defaultsWithoutArguments() throws Exception {
    FalcoOptions o = falco();
    assertThat(o.help).isFalse();
    assertThat(o.version).isFalse();
    assertThat(o.rulesFiles).isEmpty();
    assertThat(o.overrides).isEmpty();
    assertThat(o.validate).isEmpty();
    assertThat(o.disablePatterns).isEmpty();
    assertThat(o.onlyTags).isEmpty();
    assertThat(o.disableTags).isEmpty();
    assertThat(o.trace).isNull();
    assertThat(o.writeTrace).isNull();
    assertThat(o.configFile).isNull();
    assertThat(o.describeRule).isNull();
    assertThat(o.listFields).isNull();
    assertThat(o.appendFormat).isNull();
    assertThat(o.maxSeconds).isNull();
    assertThat(o.statsInterval).isNull();
    assertThat(o.format).isEqualTo("text");
    assertThat(o.listRules || o.listEvents || o.markdown || o.namesOnly || o.allEvents
        || o.unbuffered || o.dryRun).isFalse();
  }

  @Test
  void everyOptionSetsItsField() throws Exception {
    FalcoOptions o = falco("-h", "--version", "-r", "a.yaml", "-e", "t.scap", "-w", "out.scap.gz",
        "-c", "falco.yaml", "-o", "json_output=true", "-V", "v.yaml", "-L", "-l", "Some rule",
        "--list", "--list-events", "--format", "json", "--markdown", "-N", "-A", "-D", "Cat",
        "-t", "process", "-T", "network", "-p", "c", "-M", "5", "-U", "--dry-run",
        "--stats-interval", "5s");
    assertThat(o.help).isTrue();
    assertThat(o.version).isTrue();
    assertThat(o.rulesFiles).containsExactly(Path.of("a.yaml"));
    assertThat(o.trace).isEqualTo(Path.of("t.scap"));
    assertThat(o.writeTrace).isEqualTo(Path.of("out.scap.gz"));
    assertThat(o.configFile).isEqualTo(Path.of("falco.yaml"));
    assertThat(o.overrides).containsExactly("json_output=true");
    assertThat(o.validate).containsExactly(Path.of("v.yaml"));
    assertThat(o.listRules).isTrue();
    assertThat(o.describeRule).isEqualTo("Some rule");
    assertThat(o.listFields).isEmpty();
    assertThat(o.listEvents).isTrue();
    assertThat(o.format).isEqualTo("json");
    assertThat(o.markdown).isTrue();
    assertThat(o.namesOnly).isTrue();
    assertThat(o.allEvents).isTrue();
    assertThat(o.disablePatterns).containsExactly("Cat");
    assertThat(o.onlyTags).containsExactly("process");
    assertThat(o.disableTags).containsExactly("network");
    assertThat(o.appendFormat).isEqualTo("c");
    assertThat(o.maxSeconds).isEqualTo(5L);
    assertThat(o.unbuffered).isTrue();
    assertThat(o.dryRun).isTrue();
    assertThat(o.statsInterval).isEqualTo("5s");
  }

  @Test
  void valueSeparateAttachedOrAfterEquals() throws Exception {
    assertThat(falco("-r", "x.yaml").rulesFiles).containsExactly(Path.of("x.yaml"));
    assertThat(falco("-rx.yaml").rulesFiles).containsExactly(Path.of("x.yaml"));
    assertThat(falco("-r=x.yaml").rulesFiles).containsExactly(Path.of("x.yaml"));
    assertThat(falco("--format", "json").format).isEqualTo("json");
    assertThat(falco("--format=json").format).isEqualTo("json");
    assertThat(falco("--format=").format).isEmpty();
    assertThat(falco("-pc").appendFormat).isEqualTo("c");
    assertThat(falco("-M=7").maxSeconds).isEqualTo(7L);
  }

  @Test
  void repeatableOptionsKeepTheirOrder() throws Exception {
    FalcoOptions o = falco("-r", "1.yaml", "-r2.yaml", "-r=3.yaml", "-o", "a=1", "-o", "b=2");
    assertThat(o.rulesFiles).containsExactly(Path.of("1.yaml"), Path.of("2.yaml"), Path.of("3.yaml"));
    assertThat(o.overrides).containsExactly("a=1", "b=2");
  }

  @Test
  void overridesKeepEverythingAfterTheFirstEqualsSign() throws Exception {
    assertThat(falco("-o", "rules_files[]=my.yaml").overrides).containsExactly("rules_files[]=my.yaml");
    // -o=KEY=VALUE: the first '=' separates the option from its value
    assertThat(falco("-o=a=b=c").overrides).containsExactly("a=b=c");
    assertThat(falco("-o", "rules=[{disable: {tag: network}}]").overrides)
        .containsExactly("rules=[{disable: {tag: network}}]");
    // a value may start with '-' when it is no option of falco's
    assertThat(falco("-o", "-x").overrides).containsExactly("-x");
  }

  @Test
  void clusteredShortFlagsAndAValueOptionLast() throws Exception {
    FalcoOptions o = falco("-NAL");
    assertThat(o.namesOnly && o.allEvents && o.listRules).isTrue();
    o = falco("-Lr", "x.yaml");
    assertThat(o.listRules).isTrue();
    assertThat(o.rulesFiles).containsExactly(Path.of("x.yaml"));
    o = falco("-NLr/tmp/x.yaml");
    assertThat(o.namesOnly && o.listRules).isTrue();
    assertThat(o.rulesFiles).containsExactly(Path.of("/tmp/x.yaml"));
    o = falco("-Lpc");
    assertThat(o.listRules).isTrue();
    assertThat(o.appendFormat).isEqualTo("c");
    o = falco("-UM", "3");
    assertThat(o.unbuffered).isTrue();
    assertThat(o.maxSeconds).isEqualTo(3L);
  }

  @Test
  void flagsTakeAnExplicitTrueOrFalse() throws Exception {
    assertThat(falco("--dry-run=true").dryRun).isTrue();
    assertThat(falco("--dry-run=FALSE").dryRun).isFalse();
    assertThat(falco("-U=false").unbuffered).isFalse();
    assertThat(falco("-LU=true").unbuffered).isTrue();
  }

  @Test
  void optionalValueForms() throws Exception {
    assertThat(falco("--list").listFields).isEmpty();
    assertThat(falco("--list=syscall").listFields).isEqualTo("syscall");
    assertThat(falco("--list", "syscall").listFields).isEqualTo("syscall");
    FalcoOptions o = falco("--list", "-N");
    assertThat(o.listFields).isEmpty();
    assertThat(o.namesOnly).isTrue();
    assertThat(falco("--list", "--markdown").markdown).isTrue();
    // a subcommand name is not taken as the value
    ParsedCommandLine p = FalcoCommand.PARSER.parse(new String[] {"--list", "inspect", "t.scap"}, 0);
    assertThat(p.value(FalcoOptions.LIST_FIELDS)).isEmpty();
    assertThat(p.subcommand()).isSameAs(InspectCommand.PARSER);
  }

  @Test
  void numbersAcceptASign() throws Exception {
    assertThat(falco("-M", "+5").maxSeconds).isEqualTo(5L);
    assertThat(falco("-M", "-5").maxSeconds).isEqualTo(-5L);
    assertThat(falco("-M", "9223372036854775807").maxSeconds).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void subcommandEndsTheParentsArguments() throws Exception {
    String[] args = {"-L", "inspect", "t.scap", "-p", "%evt.num", "evt.type=open"};
    ParsedCommandLine p = FalcoCommand.PARSER.parse(args, 0);
    assertThat(p.problem()).isNull();
    assertThat(p.subcommand()).isSameAs(InspectCommand.PARSER);
    assertThat(p.subcommandIndex()).isEqualTo(1);
    ParsedCommandLine sub = InspectCommand.PARSER.parse(args, 2);
    assertThat(sub.problem()).isNull();
    assertThat(sub.parameters()).containsExactly("t.scap", "evt.type=open");
    assertThat(sub.value(InspectCommand.PRINT)).isEqualTo("%evt.num");
  }

  @Test
  void inspectParametersAndOptionsInAnyOrder() throws Exception {
    ParsedCommandLine p = inspect("-D", "t.scap", "--print=%proc.name", "evt.type", "=", "open",
        "--sysdig-tables");
    assertThat(p.problem()).isNull();
    assertThat(p.parameters()).containsExactly("t.scap", "evt.type", "=", "open");
    assertThat(p.flag(InspectCommand.DEBUG)).isTrue();
    assertThat(p.flag(InspectCommand.SYSDIG_TABLES)).isTrue();
    assertThat(p.value(InspectCommand.PRINT)).isEqualTo("%proc.name");
    p = inspect("t.scap", "-Dp", "%evt.num");
    assertThat(p.flag(InspectCommand.DEBUG)).isTrue();
    assertThat(p.value(InspectCommand.PRINT)).isEqualTo("%evt.num");
  }

  @Test
  void negativeNumbersAndALoneDashAreParameters() throws Exception {
    ParsedCommandLine p = inspect("t.scap", "evt.res", "=", "-1", "or", "evt.res", "<", "-2.5", "-");
    assertThat(p.problem()).isNull();
    assertThat(p.parameters()).containsExactly("t.scap", "evt.res", "=", "-1", "or", "evt.res", "<",
        "-2.5", "-");
  }

  @Test
  void doubleDashEndsTheOptions() throws Exception {
    ParsedCommandLine p = inspect("-D", "--", "-weird.scap", "-p", "--help");
    assertThat(p.problem()).isNull();
    assertThat(p.flag(InspectCommand.DEBUG)).isTrue();
    assertThat(p.flag(InspectCommand.HELP)).isFalse();
    assertThat(p.parameters()).containsExactly("-weird.scap", "-p", "--help");
  }

  // ------------------------------------------------------------------ errors

  @Test
  void unknownOptions() {
    assertThat(falcoError("--no-such-option")).isEqualTo("Unknown option: '--no-such-option'");
    assertThat(falcoError("--no-such=3")).isEqualTo("Unknown option: '--no-such=3'");
    assertThat(falcoError("-x")).isEqualTo("Unknown option: '-x'");
    assertThat(falcoError("-xyz")).isEqualTo("Unknown option: '-xyz'");
    assertThat(falcoError("-Ufalse")).isEqualTo("Unknown option: '-f' (in '-Ufalse')");
    assertThat(falcoError("-L", "-q")).isEqualTo("Unknown option: '-q'");
  }

  @Test
  void unknownLongOptionSuggestsTheOptionsItStarts() {
    assertThat(falcoError("--lis")).isEqualTo("Unknown option: '--lis'" + System.lineSeparator()
        + "Possible solutions: --list, --list-events");
    assertThat(falcoError("--dry")).endsWith("Possible solutions: --dry-run");
    assertThat(falcoError("--stats")).doesNotContain("Possible solutions"); // hidden option
  }

  @Test
  void missingValueNamesTheOptionAndItsLabel() {
    assertThat(falcoError("-r")).isEqualTo("Missing required parameter for option '-r' (PATH)");
    assertThat(falcoError("-L", "-o")).isEqualTo("Missing required parameter for option '-o' (KEY=VALUE)");
    assertThat(falcoError("--format")).isEqualTo("Missing required parameter for option '--format' (FORMAT)");
    assertThat(falcoError("-NLr")).isEqualTo("Missing required parameter for option '-r' (PATH)");
    assertThatThrownBy(() -> inspect("t.scap", "--print"))
        .hasMessage("Missing required parameter for option '--print' (FORMAT)");
  }

  @Test
  void anOptionIsNoValue() {
    assertThat(falcoError("-r", "-L")).isEqualTo("Expected parameter for option '-r' but found '-L'");
    assertThat(falcoError("-e", "--dry-run")).isEqualTo("Expected parameter for option '-e' but found '--dry-run'");
    assertThat(falcoError("-o", "--format=json"))
        .isEqualTo("Expected parameter for option '-o' but found '--format=json'");
  }

  @Test
  void badNumber() {
    for (String bad : new String[] {"abc", "1.5", "", "0x10", "99999999999999999999"}) {
      assertThat(falcoError("-M", bad)).as(bad)
          .isEqualTo("Invalid value for option '-M' (SECONDS): '" + bad + "' is not a whole number");
    }
    assertThat(falcoError("-Mx")).isEqualTo("Invalid value for option '-M' (SECONDS): 'x' is not a whole number");
  }

  @Test
  void badBoolean() {
    assertThat(falcoError("--dry-run=xyz"))
        .isEqualTo("Invalid value for option '--dry-run': 'xyz' is not a boolean (true or false)");
    assertThat(falcoError("-L=")).isEqualTo("Invalid value for option '-L': '' is not a boolean (true or false)");
  }

  @Test
  void singleValuedOptionGivenTwice() {
    assertThat(falcoError("-L", "-L")).isEqualTo("Option '-L' should be specified only once");
    assertThat(falcoError("-LL")).isEqualTo("Option '-L' should be specified only once");
    assertThat(falcoError("-e", "a", "-e", "b")).isEqualTo("Option '-e' (TRACE) should be specified only once");
    assertThat(falcoError("--list", "--list=x")).isEqualTo("Option '--list' (SOURCE) should be specified only once");
    assertThatThrownBy(() -> inspect("t.scap", "--print", "a", "-p", "b"))
        .hasMessage("Option '-p' (FORMAT) should be specified only once");
  }

  @Test
  void extraPositionalArguments() {
    assertThat(falcoError("--list-events", "extra")).isEqualTo("Unexpected argument at index 1: 'extra'");
    assertThat(falcoError("--", "inspect")).isEqualTo("Unexpected argument at index 1: 'inspect'");
    assertThat(falcoError("-5")).isEqualTo("Unexpected argument at index 0: '-5'");
  }

  @Test
  void inspectNeedsATraceAndKnowsOnlyItsOptions() throws Exception {
    assertThat(inspect().problem()).hasMessage("Missing required parameter: 'TRACE'");
    assertThat(inspect("-p", "%evt.num").problem()).hasMessage("Missing required parameter: 'TRACE'");
    assertThat(inspect("t.scap", "evt.num", "-x").problem()).hasMessage("Unknown option: '-x'");
    assertThat(inspect("t.scap", "-L").problem()).hasMessage("Unknown option: '-L'");
    // a help request is still seen: it wins over the missing trace
    assertThat(inspect("--help").flag(InspectCommand.HELP)).isTrue();
  }

  @Test
  void theFirstProblemIsKept() throws Exception {
    ParsedCommandLine p = FalcoCommand.PARSER.parse(new String[] {"-x", "stray", "--help"}, 0);
    assertThat(p.problem()).hasMessage("Unknown option: '-x'");
    assertThat(p.flag(FalcoOptions.HELP)).isTrue();
  }

  @Test
  void usageHintShowsTheSynopsisAndWhereToReadMore() {
    try {
      falco("--nope");
      throw new AssertionError("expected a usage error");
    } catch (CommandLineException e) {
      assertThat(e.usageHint()).startsWith("Usage: falco [-hLNAU]")
          .endsWith("Try 'falco --help' for more information." + System.lineSeparator());
    }
    assertThatThrownBy(() -> {
      throw inspect("t.scap", "--bogus").problem();
    }).isInstanceOfSatisfying(CommandLineException.class,
        e -> assertThat(e.usageHint()).startsWith("Usage: falco inspect [-DhV] [--sysdig-tables]"
            + " [-p=FORMAT] TRACE [FILTER...]").contains("Try 'falco inspect --help'"));
  }

  // ------------------------------------------------------------------ help

  @Test
  void helpListsEveryVisibleOptionWithItsDescription() {
    String help = FalcoCommand.PARSER.help();
    assertThat(help).startsWith("Usage: falco ").contains("Falco4J: a runtime security monitor")
        .contains("With no arguments: monitor this host live")
        .contains("Commands:").containsPattern("\n  inspect  Print the events of a .scap trace");
    for (Option o : FalcoOptions.OPTIONS) {
      for (String name : o.names()) {
        if (o.hidden()) {
          assertThat(help).as(name).doesNotContain(name);
        } else {
          assertThat(help).as(name).containsPattern("(?m)^  (    |-., )?" + java.util.regex.Pattern.quote(
              name.startsWith("--") ? o.withLabel(name) : name));
        }
      }
      if (!o.hidden()) {
        String firstWords = String.join(" ", List.of(o.description().split(" ")).subList(0, 3));
        assertThat(help).as(o.displayName()).contains(firstWords);
      }
    }
    assertThat(help).contains("  -h, --help            Show this help and exit.")
        .contains("      --version         Print the version and exit.")
        .contains("  -r=PATH               Rules file or directory to load")
        .contains("      --list[=SOURCE]   List the fields usable");
    for (String line : help.split("\\R")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(CommandLineHelp.WIDTH);
    }
  }

  @Test
  void helpSynopsisShowsFlagsValuesAndRepeatables() {
    String synopsis = FalcoCommand.PARSER.synopsis();
    assertThat(synopsis.replaceAll("\\s+", " ").trim()).isEqualTo("Usage: falco [-hLNAU] [--version]"
        + " [--list-events] [--markdown] [--dry-run] [-e=TRACE] [-w=FILE] [-c=FILE] [-l=RULE]"
        + " [--list[=SOURCE]] [--format=FORMAT] [-p=FORMAT] [-M=SECONDS] [-r=PATH]..."
        + " [-o=KEY=VALUE]... [-V=PATH]... [-D=PATTERN]... [-t=TAG]... [-T=TAG]... [COMMAND]");
    // continuation lines line up after "Usage: falco "
    assertThat(synopsis.split("\\R")[1]).startsWith(" ".repeat("Usage: falco ".length()) + "[");
  }

  @Test
  void inspectHelpListsParametersAndOptions() {
    String help = InspectCommand.PARSER.help();
    assertThat(help).startsWith("Usage: falco inspect [-DhV] [--sysdig-tables] [-p=FORMAT] TRACE"
            + " [FILTER...]")
        .contains("      TRACE             A .scap or .scap.gz trace file.")
        .contains("      [FILTER...]       A filter condition")
        .contains("  -p, --print=FORMAT    Output format")
        .contains("  -D, --debug           Also print internal events")
        .contains("      --sysdig-tables   Decode with the event tables of sysdig 0.29.3")
        .contains("  -h, --help").contains("  -V, --version").doesNotContain("Commands:");
  }

  @Test
  void longDescriptionsWrapUnderTheDescriptionColumn() {
    String help = FalcoCommand.PARSER.help();
    String nl = System.lineSeparator();
    assertThat(help).contains("  -A                    Monitor all events, including those Falco ignores by"
        + nl + "                          default");
  }

  // ------------------------------------------------------------------ through the command

  private final java.io.StringWriter out = new java.io.StringWriter();
  private final java.io.StringWriter err = new java.io.StringWriter();

  private int run(String... args) {
    return FalcoCommand.execute(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
  }

  @Test
  void usageErrorGoesToStderrWithTheHintAndExitCode2() {
    assertThat(run("--format")).isEqualTo(ExitCodes.USAGE);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("Missing required parameter for option '--format' (FORMAT)"
        + System.lineSeparator() + "Usage: falco ").endsWith("Try 'falco --help' for more information."
        + System.lineSeparator());
  }

  @Test
  void helpAndVersionWinOverUnknownOptionsButNotOverMalformedValues() {
    assertThat(run("-h", "-x", "stray")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("Usage: falco ").contains("Commands:");
    assertThat(err.toString()).isEmpty();
    out.getBuffer().setLength(0);
    assertThat(run("--version", "--nope")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("Falco4J version: ");
    assertThat(run("--help", "-r")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("Missing required parameter for option '-r' (PATH)");
  }

  @Test
  void inspectUsageErrorsHelpAndVersion() {
    assertThat(run("inspect")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("Missing required parameter: 'TRACE'" + System.lineSeparator()
        + "Usage: falco inspect ").contains("Try 'falco inspect --help'");
    assertThat(run("inspect", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("Usage: falco inspect ").contains("--sysdig-tables");
    out.getBuffer().setLength(0);
    assertThat(run("inspect", "-V")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("Falco4J version: ");
    // the parent's options before the subcommand are checked, then inspect runs alone
    err.getBuffer().setLength(0);
    assertThat(run("-x", "inspect", "t.scap")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("Unknown option: '-x'" + System.lineSeparator()
        + "Usage: falco [");
  }

  // ------------------------------------------------------------------ the table itself

  @Test
  void tableMistakesAreCaughtWhenItIsBuilt() {
    assertThatThrownBy(() -> Option.flag("x", "-ab")).hasMessageContaining("not an option name: '-ab'");
    assertThatThrownBy(() -> Option.flag("x", "--a=b")).hasMessageContaining("not an option name");
    assertThatThrownBy(() -> Option.flag("x")).hasMessageContaining("needs a name");
    assertThatThrownBy(() -> new Option(List.of("-a"), CommandLineParser.Arity.VALUE, null, "x", null,
        false)).hasMessageContaining("a value label goes with a value");
    assertThatThrownBy(() -> new CommandLineParser("t", List.of(),
        List.of(Option.flag("a", "-a"), Option.value("V", "b", "--bee", "-a")), List.of(), List.of()))
        .hasMessageContaining("option name -a is declared twice");
    assertThatThrownBy(() -> new CommandLineParser("t", List.of(), List.of(),
        List.of(new Parameter("A", "a", false, true), new Parameter("B", "b", false, false)), List.of()))
        .hasMessageContaining("only the last parameter");
  }
}
