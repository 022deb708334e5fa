/**
 * Alerts and where they go: the immutable {@link dev.falco4j.output.Alert}, the {@link
 * dev.falco4j.output.OutputSink} SPI discovered with {@link java.util.ServiceLoader} ({@link
 * dev.falco4j.output.SinkCatalog}), the {@link dev.falco4j.output.OutputDispatcher} that keeps
 * slow sinks away from detection, and the built-in channels.
 *
 * <h2>For the engine</h2>
 *
 * <pre>{@code
 * OutputDispatcher outputs = OutputDispatcher.fromConfig(falcoYaml, classLoader);
 * ...
 * outputs.submit(Alert.builder().epochNanos(ts).rule(name).priority(Priority.WARNING)
 *     .source("syscall").output(text).outputFields(fields).tags(tags).hostname(host).build());
 * ...
 * outputs.stats();    // per sink: offered, delivered, failed, dropped, queued, latency, health
 * outputs.reopen();   // on SIGUSR1
 * outputs.close();    // drains, bounded by a timeout
 * }</pre>
 *
 * <h2>falco.yaml keys read here</h2>
 *
 * <table>
 *   <caption>Configuration</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code json_output}, {@code json_include_output_property},
 *       {@code json_include_message_property}, {@code json_include_output_fields},
 *       {@code json_include_tags_property}, {@code time_format_iso_8601}</td>
 *       <td>alert rendering, as Falco ({@link dev.falco4j.output.OutputSettings})</td></tr>
 *   <tr><td>{@code outputs_queue.capacity}</td><td>queue per sink (0 = default 10000; never
 *       unbounded)</td></tr>
 *   <tr><td>{@code outputs_queue.submit_timeout_ms}</td><td>Falco4J: longest wait of the engine for
 *       room in a full queue (default 0)</td></tr>
 *   <tr><td>{@code output_timeout}</td><td>a delivery slower than this is reported as blocked</td></tr>
 *   <tr><td>{@code output_flood_guard.enabled}, {@code .window_ms}</td><td>Falco4J: fold repeats of
 *       an alert within the window into one alert with a count (off by default)</td></tr>
 *   <tr><td>{@code output_providers}</td><td>Falco4J: provider classes chosen explicitly</td></tr>
 *   <tr><td>{@code <name>_output.enabled}</td><td>enables sink {@code name}: stdout, stderr, file,
 *       syslog, program, http, or a plugin's name</td></tr>
 * </table>
 */
package dev.falco4j.output;
