package dev.falco4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.dsl.testing.TestEvent;
import dev.falco4j.dsl.testing.TestResolver;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConditionCompilerTest {

    private final ConditionCompiler<TestEvent> compiler = ConditionCompiler.create(new TestResolver());

    private CompiledCondition<TestEvent> compile(String condition) {
        CompileResult<TestEvent> r = compiler.compile(condition);
        assertThat(r.errors()).as(condition).isEmpty();
        return r.condition();
    }

    private boolean eval(String condition, TestEvent event) {
        return compile(condition).test(event);
    }

    private String firstError(String condition) {
        CompileResult<TestEvent> r = compiler.compile(condition);
        assertThat(r.ok()).as(condition).isFalse();
        return r.errors().get(0).render();
    }

    private static TestEvent event() {
        return new TestEvent();
    }

    @Nested
    class Strings {
        private final TestEvent e = event().str("proc.name", "Bash").str("fd.name", "/etc/shadow")
                .str("proc.pname", "sshd").str("proc.cmdline", "bash -c ls");

        @Test
        void equality() {
            assertThat(eval("proc.name = Bash", e)).isTrue();
            assertThat(eval("proc.name == Bash", e)).isTrue();
            assertThat(eval("proc.name = bash", e)).isFalse();
            assertThat(eval("proc.name != bash", e)).isTrue();
            assertThat(eval("proc.name != Bash", e)).isFalse();
        }

        @Test
        void ordering() {
            // Falco's grammar only accepts numbers after < <= > >=; on strings they compare bytes
            TestEvent n = event().str("proc.name", "150");
            assertThat(eval("proc.name < 2", n)).isTrue();
            assertThat(eval("proc.name > 1499", n)).isTrue();
            assertThat(eval("proc.name <= 150", n)).isTrue();
            assertThat(eval("proc.name >= 16", n)).isFalse();
        }

        @Test
        void substrings() {
            assertThat(eval("fd.name contains shad", e)).isTrue();
            assertThat(eval("fd.name contains SHAD", e)).isFalse();
            assertThat(eval("fd.name icontains SHAD", e)).isTrue();
            assertThat(eval("proc.name icontains bAS", e)).isTrue();
            assertThat(eval("fd.name startswith /etc", e)).isTrue();
            assertThat(eval("fd.name startswith /etc/shadow/", e)).isFalse();
            assertThat(eval("fd.name endswith shadow", e)).isTrue();
            assertThat(eval("fd.name endswith /etc/shadowx", e)).isFalse();
            assertThat(eval("fd.name contains ''", e)).isTrue();
        }

        @Test
        void bytesOperatorsTakeHex() {
            assertThat(eval("fd.name bcontains 736861", e)).isTrue(); // "sha"
            assertThat(eval("fd.name bstartswith 2f657463", e)).isTrue(); // "/etc"
            assertThat(eval("fd.name bstartswith 2F", e)).isTrue();
            assertThat(eval("fd.name bcontains 0000", e)).isFalse();
            TestEvent bin = event().bytes("evt.buffer", new byte[] {0, 1, (byte) 0xff, 7});
            assertThat(eval("evt.buffer bcontains 01ff", bin)).isTrue();
            assertThat(eval("evt.buffer bstartswith 0001", bin)).isTrue();
            assertThat(eval("evt.buffer bstartswith 01", bin)).isFalse();
        }

        @Test
        void globs() {
            assertThat(eval("fd.name glob /etc/*", e)).isTrue();
            assertThat(eval("fd.name glob '/etc/sh?dow'", e)).isTrue();
            assertThat(eval("fd.name glob /etc/[rs]hadow", e)).isTrue();
            assertThat(eval("fd.name glob /etc/[!s]hadow", e)).isFalse();
            assertThat(eval("fd.name glob /etc", e)).isFalse();
            assertThat(eval("fd.name glob *", e)).isTrue();
            assertThat(eval("fd.name glob */shadow", e)).isTrue();
            assertThat(eval("fd.name glob /ETC/*", e)).isFalse();
            assertThat(eval("fd.name iglob /ETC/SH*", e)).isTrue();
        }

        @Test
        void regex() {
            assertThat(eval("proc.cmdline regex '-c\\\\s+ls$'", e)).isTrue();
            assertThat(eval("proc.cmdline regex \"^bash -c\"", e)).isTrue();
            assertThat(eval("proc.cmdline regex 'l[a-z]$'", e)).isTrue();
            assertThat(eval("proc.cmdline regex '^ls'", e)).isFalse();
            assertThat(eval("proc.name regex '(?i)^bash$'", e)).isTrue();
        }

        @Test
        void inListsAndPmatch() {
            assertThat(eval("proc.name in (sh, Bash, zsh)", e)).isTrue();
            assertThat(eval("proc.name in (sh, bash)", e)).isFalse();
            assertThat(eval("proc.name in ()", e)).isFalse();
            assertThat(eval("proc.name intersects (Bash)", e)).isTrue();
            assertThat(eval("fd.name pmatch (/etc)", e)).isTrue();
            assertThat(eval("fd.name pmatch (/etc/)", e)).isTrue();
            assertThat(eval("fd.name pmatch (/et)", e)).isFalse();
            assertThat(eval("fd.name pmatch (/etc/shadow)", e)).isTrue();
            assertThat(eval("fd.name pmatch (/usr, /)", e)).isTrue();
            assertThat(eval("fd.name pmatch (/usr, /var/lib)", e)).isFalse();
        }

        @Test
        void listModifiers() {
            assertThat(eval("fd.name startswith anyof (/usr, /etc)", e)).isTrue();
            assertThat(eval("fd.name startswith anyof (/usr, /var)", e)).isFalse();
            assertThat(eval("fd.name contains allof (etc, shadow)", e)).isTrue();
            assertThat(eval("fd.name contains allof (etc, passwd)", e)).isFalse();
            assertThat(eval("fd.name contains oneof (etc, passwd)", e)).isTrue();
            assertThat(eval("fd.name contains oneof (etc, shadow)", e)).isFalse();
            assertThat(eval("proc.name = anyof (sh, Bash)", e)).isTrue();
            assertThat(eval("fd.name glob anyof ('/usr/*', '/etc/*')", e)).isTrue();
        }

        @Test
        void missingFieldFailsEveryOperatorButNotItsNegation() {
            TestEvent empty = event();
            assertThat(eval("proc.name = x", empty)).isFalse();
            assertThat(eval("proc.name != x", empty)).isFalse();
            assertThat(eval("not proc.name = x", empty)).isTrue();
            assertThat(eval("proc.name exists", empty)).isFalse();
            assertThat(eval("proc.name exists", e)).isTrue();
            assertThat(eval("proc.name in (a)", empty)).isFalse();
        }

        @Test
        void quotedValuesWithSpacesAndEscapes() {
            TestEvent q = event().str("proc.cmdline", "a \"b\" 'c'\td");
            assertThat(eval("proc.cmdline = \"a \\\"b\\\" 'c'\\td\"", q)).isTrue();
            assertThat(eval("proc.cmdline = 'a \"b\" \\'c\\'\\td'", q)).isTrue();
            assertThat(eval("proc.cmdline contains \"b\\\" 'c\"", q)).isTrue();
        }
    }

    @Nested
    class Numbers {
        private final TestEvent e = event().num("proc.pid", 1234).num("fd.sport", 443).num("evt.rawres", -2)
                .num("evt.count", -1L).num("test.i8", -5).num("user.uid", 0).num("test.mode", 0755);

        @Test
        void comparisons() {
            assertThat(eval("proc.pid = 1234", e)).isTrue();
            assertThat(eval("proc.pid != 1234", e)).isFalse();
            assertThat(eval("fd.sport > 80", e)).isTrue();
            assertThat(eval("fd.sport >= 443", e)).isTrue();
            assertThat(eval("fd.sport < 443", e)).isFalse();
            assertThat(eval("fd.sport <= 0x1bb", e)).isTrue();
            assertThat(eval("evt.rawres < 0", e)).isTrue();
            assertThat(eval("evt.rawres = -2", e)).isTrue();
            assertThat(eval("test.i8 > -6", e)).isTrue();
            assertThat(eval("user.uid = 0", e)).isTrue();
            assertThat(eval("test.mode = 0755", e)).isTrue();
        }

        @Test
        void unsignedComparisonsUseUnsignedOrder() {
            // -1L is 2^64-1 for an unsigned field
            assertThat(eval("evt.count > 100", e)).isTrue();
            assertThat(eval("evt.count = 18446744073709551615", e)).isTrue();
        }

        @Test
        void portsAcceptServiceNames() {
            org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Paths.get("/etc/services")));
            assertThat(eval("fd.sport = https", e)).isTrue();
            assertThat(eval("fd.sport in (http, https)", e)).isTrue();
        }

        @Test
        void inIsAHashLookup() {
            assertThat(eval("fd.sport in (80, 443, 8080)", e)).isTrue();
            assertThat(eval("fd.sport in (80, 8080)", e)).isFalse();
            assertThat(eval("proc.pid in (1, 2, 1234)", e)).isTrue();
        }

        @Test
        void badLiteralsAreErrorsAtTheLiteral() {
            assertThat(firstError("fd.sport = 70000")).startsWith("<condition>:1:12: error: '70000' is out of range for port (0..65535)");
            assertThat(firstError("fd.sport = nosuchservice")).startsWith(
                    "<condition>:1:12: error: 'nosuchservice' is neither a port number nor a known service name");
            assertThat(firstError("fd.num = http")).contains("'http' is not a valid fd value");
            assertThat(firstError("fd.sport in (80, 1x)")).startsWith("<condition>:1:18: error: '1x' is not a valid port value");
            assertThat(firstError("test.i8 = 128")).contains("out of range for int8 (-128..127)");
            assertThat(firstError("evt.count = -1")).contains("is negative but uint64 is unsigned");
        }

        @Test
        void stringOperatorsAreRejected() {
            assertThat(firstError("proc.pid contains 12"))
                    .startsWith("<condition>:1:1: error: operator 'contains' cannot be applied to pid field proc.pid");
            assertThat(firstError("fd.sport glob 4*")).contains("operator 'glob' cannot be applied to port field fd.sport");
            assertThat(firstError("fd.sport pmatch (1)")).contains("operator 'pmatch' cannot be applied");
            assertThat(firstError("proc.pid startswith anyof (1, 2)")).contains("cannot be applied");
        }
    }

    @Nested
    class Booleans {
        @Test
        void trueAndFalse() {
            TestEvent e = event().bool("evt.is_open_read", true);
            assertThat(eval("evt.is_open_read = true", e)).isTrue();
            assertThat(eval("evt.is_open_read = false", e)).isFalse();
            assertThat(eval("evt.is_open_read != false", e)).isTrue();
            assertThat(eval("evt.is_open_read = TRUE", e)).isTrue();
            assertThat(firstError("evt.is_open_read = yes")).contains("'yes' is not a boolean (true or false)");
            assertThat(firstError("evt.is_open_read > 0")).contains("operator '>' cannot be applied to bool field");
        }
    }

    @Nested
    class Addresses {
        @Test
        void ipv4AddressesAndNetworks() throws Exception {
            TestEvent e = event().ip("fd.sip", "10.1.2.3").ip("fd.snet", "10.1.2.3").ip("fd.net", "192.168.7.1");
            assertThat(eval("fd.sip = 10.1.2.3", e)).isTrue();
            assertThat(eval("fd.sip != 10.1.2.3", e)).isFalse();
            assertThat(eval("fd.sip in (127.0.0.1, 10.1.2.3)", e)).isTrue();
            assertThat(eval("fd.snet = 10.0.0.0/8", e)).isTrue();
            assertThat(eval("fd.snet = 10.1.2.0/25", e)).isTrue();
            assertThat(eval("fd.snet = 10.1.2.128/25", e)).isFalse();
            assertThat(eval("fd.snet in (172.16.0.0/12, 10.0.0.0/8)", e)).isTrue();
            assertThat(eval("fd.net = 192.168.0.0/16", e)).isTrue();
            assertThat(eval("fd.net = fe80::/10", e)).isFalse();
        }

        @Test
        void ipv6() throws Exception {
            TestEvent e = event().ip("fd.cip6", "fe80::1").ip("fd.net", "fe80::abcd");
            assertThat(eval("fd.cip6 = fe80::1", e)).isTrue();
            assertThat(eval("fd.cip6 = 'fe80:0:0:0:0:0:0:1'", e)).isTrue();
            assertThat(eval("fd.net = fe80::/10", e)).isTrue();
            assertThat(eval("fd.net = 10.0.0.0/8", e)).isFalse();
        }

        @Test
        void badAddressesAreErrors() {
            assertThat(firstError("fd.sip = 10.0.0.256")).contains("'10.0.0.256' is not an IP address");
            assertThat(firstError("fd.sip = example.com")).contains("is not an IP address");
            assertThat(firstError("fd.sip = 10.0.0.0/8")).contains("is a network but the field holds a single address");
            assertThat(firstError("fd.snet = 10.0.0.0/33")).contains("invalid prefix length");
            assertThat(firstError("fd.sip = ::1")).contains("is an IPv6 address but the field is IPv4");
            assertThat(firstError("fd.sip contains 10")).contains("operator 'contains' cannot be applied to ipv4addr field fd.sip");
        }
    }

    @Nested
    class EventTypes {
        @Test
        void checksNarrowTheCandidateSet() {
            assertThat(compile("evt.type = open").eventTypeIds()).containsExactly(0, 1);
            assertThat(compile("evt.type in (open, openat) and proc.name = x").eventTypeIds()).containsExactly(0, 1, 2, 3);
            assertThat(compile("evt.type = open or evt.type = execve").eventTypeIds()).containsExactly(0, 1, 4, 5);
            assertThat(compile("evt.type != open").eventTypeIds()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(compile("not evt.type in (open, openat, execve, connect)").eventTypeIds()).containsExactly(8, 9);
            assertThat(compile("not (evt.type = open and proc.name = x)").matchesAllEventTypes()).isTrue();
            assertThat(compile("not (evt.type = open or proc.name = x)").eventTypeIds()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(compile("evt.type = open and evt.type = execve").eventTypeIds()).isEmpty();
            assertThat(compile("(evt.type = open and proc.name = a) or (evt.type = connect and fd.sport = 80)")
                    .eventTypeIds()).containsExactly(0, 1, 6, 7);
        }

        @Test
        void fieldsPresentOnlyForSomeTypesNarrowTheSetToo() {
            assertThat(compile("evt.arg.flags contains O_CREAT").eventTypeIds()).containsExactly(0, 1, 2, 3);
            assertThat(compile("evt.arg.flags exists and proc.name = x").eventTypeIds()).containsExactly(0, 1, 2, 3);
            assertThat(compile("tolower(evt.arg.flags) != x").eventTypeIds()).containsExactly(0, 1, 2, 3);
            assertThat(compile("evt.arg.flags contains O_CREAT or evt.type = execve").eventTypeIds())
                    .containsExactly(0, 1, 2, 3, 4, 5);
            // a negated check can be true where the field is missing
            assertThat(compile("not evt.arg.flags contains O_CREAT").matchesAllEventTypes()).isTrue();
            assertThat(compile("evt.arg.flags exists and evt.type = execve").describe()).isEqualTo("false");
            assertThat(compile("len(proc.args) = 0").matchesAllEventTypes()).isTrue();
        }

        @Test
        void evaluation() {
            TestEvent open = event().num("evt.type", 1);
            assertThat(eval("evt.type = open", open)).isTrue();
            assertThat(eval("evt.type in (execve, connect)", open)).isFalse();
            assertThat(eval("evt.type != execve", open)).isTrue();
        }

        @Test
        void warnsWhenEveryTypeMatches() {
            CompileResult<TestEvent> r = compiler.compile("proc.name = bash");
            assertThat(r.ok()).isTrue();
            assertThat(r.warnings()).hasSize(1);
            assertThat(r.warnings().get(0).render()).startsWith(
                    "<condition>:1:1: warning: condition can match every event type");
            assertThat(compiler.compile("evt.type = open and proc.name = bash").warnings()).isEmpty();
        }

        @Test
        void unknownEventTypeIsAnError() {
            assertThat(firstError("evt.type = bogus")).isEqualTo(
                    "<condition>:1:12: error: unknown event type 'bogus'\nevt.type = bogus\n           ^");
            assertThat(firstError("evt.type in (open, nope)")).startsWith("<condition>:1:20: error: unknown event type 'nope'");
            assertThat(firstError("evt.type contains open")).contains("operator 'contains' cannot be applied to event_type field evt.type");
        }
    }

    @Nested
    class MultiValued {
        private final TestEvent e = event().list("proc.args", "-c", "echo hi", "--x");

        @Test
        void inRequiresEveryValueIntersectsAny() {
            assertThat(eval("proc.args in (-c, 'echo hi', --x, other)", e)).isTrue();
            assertThat(eval("proc.args in (-c, 'echo hi')", e)).isFalse();
            assertThat(eval("proc.args intersects (--x, y)", e)).isTrue();
            assertThat(eval("proc.args intersects (y)", e)).isFalse();
            assertThat(eval("proc.args contains echo", e)).isTrue();
            assertThat(eval("proc.args exists", e)).isTrue();
            assertThat(eval("proc.args exists", event())).isFalse();
            assertThat(eval("proc.args in (a)", event())).isFalse();
        }

        @Test
        void candidateFieldsMatchWhenAnyValueDoesEvenForIn() {
            TestEvent ancestors = event().list("proc.aname", "bash", "sshd", "systemd");
            assertThat(eval("proc.aname in (sshd, cron)", ancestors)).isTrue();
            assertThat(eval("proc.aname in (cron)", ancestors)).isFalse();
            assertThat(eval("not proc.aname in (sshd)", ancestors)).isFalse();
            assertThat(eval("proc.aname = systemd", ancestors)).isTrue();
            assertThat(eval("tolower(proc.aname) in (bash)", ancestors)).isTrue();
            assertThat(eval("proc.aname in (sshd)", event())).isFalse();
        }
    }

    @Nested
    class Transformers {
        private final TestEvent e = event().str("proc.name", "BaSh").str("fd.name", "/usr/bin/python3")
                .str("proc.pname", "bash").str("proc.cmdline", Base64.getEncoder().encodeToString(
                        "curl http://x".getBytes(StandardCharsets.UTF_8)))
                .list("proc.args", "-c", "id; whoami", "-o", "out");

        @Test
        void caseBasenameBase64Length() {
            assertThat(eval("tolower(proc.name) = bash", e)).isTrue();
            assertThat(eval("toupper(proc.name) = BASH", e)).isTrue();
            assertThat(eval("basename(fd.name) = python3", e)).isTrue();
            assertThat(eval("b64(proc.cmdline) contains curl", e)).isTrue();
            assertThat(eval("b64(proc.name) exists", event().str("proc.name", "!!"))).isFalse();
            assertThat(eval("len(proc.name) = 4", e)).isTrue();
            assertThat(eval("len(fd.name) > 10", e)).isTrue();
            assertThat(eval("len(proc.args) = 4", e)).isTrue();
        }

        @Test
        void nesting() {
            assertThat(eval("toupper(basename(fd.name)) = PYTHON3", e)).isTrue();
            assertThat(eval("len(basename(fd.name)) = 7", e)).isTrue();
            assertThat(eval("tolower(toupper(proc.name)) in (bash, sh)", e)).isTrue();
        }

        @Test
        void multiValueTransformers() {
            assertThat(eval("join(' ', proc.args) = '-c id; whoami -o out'", e)).isTrue();
            assertThat(eval("concat(proc.pname, '-', basename(fd.name)) = bash-python3", e)).isTrue();
            assertThat(eval("getopt(proc.args, '-c') = 'id; whoami'", e)).isTrue();
            assertThat(eval("getopt(proc.args, '-o') = out", e)).isTrue();
            assertThat(eval("getopt(proc.args, '-z') exists", e)).isFalse();
            assertThat(eval("tolower(proc.args) intersects (-c)", e)).isTrue();
        }

        @Test
        void fieldToFieldComparisons() {
            assertThat(eval("tolower(proc.name) = val(proc.pname)", e)).isTrue();
            assertThat(eval("proc.name = val(proc.pname)", e)).isFalse();
            assertThat(eval("proc.name != val(proc.pname)", e)).isTrue();
            assertThat(eval("proc.name icontains val(proc.pname)", e)).isTrue();
            assertThat(eval("proc.pname = tolower(proc.name)", e)).isTrue();
            assertThat(eval("fd.name endswith basename(fd.name)", e)).isTrue();
            TestEvent pids = event().num("proc.pid", 10).num("proc.ppid", 1);
            assertThat(eval("proc.pid > val(proc.ppid)", pids)).isTrue();
            assertThat(eval("proc.pid = val(proc.ppid)", pids)).isFalse();
            assertThat(eval("proc.pid = val(proc.ppid)", event().num("proc.pid", 1))).isFalse();
        }

        @Test
        void typeErrors() {
            assertThat(firstError("tolower(proc.pid) = x")).startsWith("<condition>:1:9: error: tolower() needs a string field, not pid");
            assertThat(firstError("len(proc.pid) = 1")).contains("len() needs a string or list field, not pid");
            assertThat(firstError("proc.name = val(proc.pid)")).contains("cannot compare string field proc.name with pid field proc.pid");
            assertThat(firstError("proc.name glob val(proc.pname)")).contains("operator 'glob' cannot compare with another field");
            assertThat(firstError("len(proc.name) contains 1")).contains("operator 'contains' cannot be applied to int64 field len(proc.name)");
        }
    }

    @Nested
    class Resolution {
        @Test
        void unknownFieldsAndArgumentsAreReportedAtTheField() {
            assertThat(firstError("proc.nmae = bash")).isEqualTo(
                    "<condition>:1:1: error: unknown field 'proc.nmae'\nproc.nmae = bash\n^");
            assertThat(firstError("a.b = 1 and proc.aname[x] = bash")).startsWith("<condition>:1:1: error: unknown field 'a.b'");
            assertThat(compiler.compile("a.b = 1 and proc.aname[x] = bash").errors()).hasSize(2);
            assertThat(compiler.compile("a.b = 1 and proc.aname[x] = bash").errors().get(1).render())
                    .startsWith("<condition>:1:13: error: proc.aname needs a numeric argument, e.g. proc.aname[2]");
            assertThat(firstError("proc.name[1] = a")).contains("field 'proc.name' takes no argument");
        }

        @Test
        void fieldArgumentsReachTheResolver() {
            TestEvent e = event().str("proc.aname[2]", "init").str("proc.env[HOME]", "/root");
            assertThat(eval("proc.aname[2] = init", e)).isTrue();
            assertThat(eval("proc.env[HOME] = /root", e)).isTrue();
            assertThat(eval("proc.env[\"HOME\"] = /root", e)).isTrue();
        }

        @Test
        void unexpandedReferencesAreErrors() {
            assertThat(firstError("spawned_process and proc.name = x"))
                    .startsWith("<condition>:1:1: error: macro 'spawned_process' is not expanded");
            assertThat(firstError("proc.name in shell_binaries"))
                    .startsWith("<condition>:1:14: error: list 'shell_binaries' is not expanded");
        }

        @Test
        void invalidRegexAndHexAreErrors() {
            assertThat(firstError("proc.name regex '(a'")).startsWith("<condition>:1:17: error: invalid regular expression: missing closing )");
            assertThat(firstError("proc.name bcontains 123")).contains("'bcontains' expects an even number of hex digits, found '123'");
            assertThat(firstError("proc.name bcontains zz")).contains("expects hex bytes (e.g. 2f657463), found 'zz'");
        }
    }

    @Nested
    class Structure {
        private final TestEvent e = event().str("proc.name", "a").num("fd.sport", 1);

        @Test
        void precedenceAndShortCircuit() {
            assertThat(eval("proc.name = a or proc.name = b and proc.name = c", e)).isTrue();
            assertThat(eval("(proc.name = a or proc.name = b) and proc.name = c", e)).isFalse();
            assertThat(eval("not proc.name = b and proc.name = a", e)).isTrue();
            assertThat(eval("not (proc.name = a and fd.sport = 2)", e)).isTrue();
        }

        @Test
        void constantsFold() {
            assertThat(compile("proc.name in () or proc.name = a").describe()).isEqualTo("proc.name EQUALS(a)");
            assertThat(compile("proc.name in () and proc.name = a").describe()).isEqualTo("false");
            assertThat(compile("not proc.name in ()").describe()).isEqualTo("true");
            assertThat(compile("evt.type = open and evt.type = connect").describe()).isEqualTo("false");
        }

        @Test
        void allErrorsAreCollected() {
            CompileResult<TestEvent> r = compiler.compile("fd.sport = x or proc.pid contains 1 or evt.type = nope");
            assertThat(r.errors()).hasSize(3);
        }
    }
}
