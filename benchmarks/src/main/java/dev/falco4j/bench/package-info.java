/** JMH benchmarks: condition evaluation, trace decoding, field extraction and end-to-end replay. */
package dev.falco4j.bench;
