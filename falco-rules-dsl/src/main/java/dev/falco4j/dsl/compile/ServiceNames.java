package dev.falco4j.dsl.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Service names for port literals ({@code fd.sport = http}), as Falco resolves them with
 * {@code getservbyname}: from {@code /etc/services}, names and aliases, first entry wins. Read once,
 * at first use while compiling; the table is immutable afterwards.
 */
final class ServiceNames {

    private ServiceNames() {
    }

    /** The port of a service name, or -1 when unknown (or when the system has no services file). */
    static int port(String name) {
        Integer p = Table.PORTS.get(name);
        return p == null ? -1 : p;
    }

    /** Initialization-on-demand holder: loaded once, never changed. */
    private static final class Table {
        static final Map<String, Integer> PORTS = load(Paths.get("/etc/services"));
    }

    static Map<String, Integer> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            // no services database: only numeric ports are accepted, and the error says so
            return Map.of();
        }
        Map<String, Integer> out = new HashMap<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String[] f = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (f.length < 2) {
                continue;
            }
            int slash = f[1].indexOf('/');
            int port;
            try {
                port = Integer.parseInt(slash < 0 ? f[1] : f[1].substring(0, slash));
            } catch (NumberFormatException e) {
                continue;
            }
            out.putIfAbsent(f[0], port);
            for (int i = 2; i < f.length; i++) {
                out.putIfAbsent(f[i], port);
            }
        }
        return Map.copyOf(out);
    }
}
