/**
 * Live capture: a CO-RE eBPF probe and a small libbpf loader shim, reached through JNR-FFI with one
 * native call per batch of events, exposed as a falco-core event source.
 */
package dev.falco4j.probe;
