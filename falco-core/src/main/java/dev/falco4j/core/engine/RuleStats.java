package dev.falco4j.core.engine;

/**
 * Counters of one rule, for metrics: how often its condition ran, how often it matched (alerts
 * raised, or suppressed by {@code rule_matching: first}), and the time spent evaluating it when
 * timing is on ({@link Engine.Builder#measureTime(boolean)}).
 *
 * @param rule the rule name
 * @param evaluations condition evaluations
 * @param matches evaluations that returned true
 * @param nanos time spent in evaluations, 0 unless timing is on
 */
public record RuleStats(String rule, long evaluations, long matches, long nanos) {}
