package dev.falco4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.dsl.testing.TestEvent;
import dev.falco4j.dsl.testing.TestResolver;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Guards the per-event contract: evaluating compiled conditions allocates nothing once buffers
 * have grown to size (counted with the JVM's per-thread allocation counter, not timed).
 */
class EvaluationAllocationTest {

    @Test
    void evaluationDoesNotAllocate() throws Exception {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        ConditionCompiler<TestEvent> compiler = ConditionCompiler.create(new TestResolver());
        String[] conditions = {
            "evt.type in (open, openat) and proc.name = bash",
            "proc.name in (sh, bash, zsh, dash) or fd.name pmatch (/etc, /usr/bin)",
            "fd.name glob '/etc/*' and not fd.name icontains SHADOW",
            "fd.name startswith anyof (/usr, /etc) and fd.name contains allof (etc, pass)",
            "tolower(proc.name) = bash and len(basename(fd.name)) > 3 and toupper(proc.name) != X",
            "concat(proc.name, ':', fd.name) endswith passwd and join(',', proc.args) contains '-c'",
            "getopt(proc.args, '-c') = id and proc.args intersects (-c) and proc.args exists",
            "fd.sport in (80, 443) and fd.snet = 10.0.0.0/8 and evt.is_open_read = true",
            "proc.name = val(proc.pname) or proc.pid > val(proc.ppid)",
            "proc.cmdline regex 'zzz.*q'", // rejected by the required-literal prefilter
            "fd.name regex '^/etc/passwd$'", // a plain literal: no regex engine
        };
        TestEvent e = new TestEvent().num("evt.type", 2).str("proc.name", "Bash").str("proc.pname", "bash")
                .str("fd.name", "/etc/passwd").str("proc.cmdline", "bash -c id").list("proc.args", "-c", "id")
                .num("fd.sport", 443).ip("fd.snet", "10.1.1.1").bool("evt.is_open_read", true)
                .num("proc.pid", 5).num("proc.ppid", 1);
        for (String c : conditions) {
            CompiledCondition<TestEvent> cond = compiler.compile(c).conditionOrThrow();
            boolean sink = false;
            for (int i = 0; i < 2_000; i++) {
                sink ^= cond.test(e);
            }
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 20_000; i++) {
                sink ^= cond.test(e);
            }
            long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            // the counter itself may cost a few bytes; 20,000 evaluations must not
            assertThat(allocated).as("bytes allocated by 20,000 evaluations of %s (%s)", c, sink).isLessThan(1_000);
        }
    }
}
