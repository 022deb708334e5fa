/** Native file handling shared by the probe classes; not part of the module's API. */
package dev.falco4j.probe.internal;
