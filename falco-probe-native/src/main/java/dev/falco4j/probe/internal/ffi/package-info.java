/**
 * The JNR-FFI binding of the loader shim. Internal: public only because JNR generates the
 * implementation at run time; no type from here appears in the module's API.
 */
package dev.falco4j.probe.internal.ffi;
