/* abi_check.c: prints the sizes and offsets of the shared definitions as "name value" lines; a Java
 * test compares them with the constants the Java side uses. */
#include <stddef.h>
#include <stdio.h>

#include "falco4j_abi.h"

#define P(name, value) printf("%s %lu\n", name, (unsigned long)(value))

int main(void)
{
	P("schema_version", F4J_SCHEMA_VERSION);
	P("event_header_size", F4J_EVENT_HEADER_SIZE);
	P("batch_record_prefix", F4J_BATCH_RECORD_PREFIX);
	P("max_event_size", F4J_MAX_EVENT_SIZE);
	P("counters_size", sizeof(struct f4j_counters));
	P("counters_fields", sizeof(struct f4j_counters) / sizeof(unsigned long long));
	P("settings_size", sizeof(struct f4j_settings));
	P("settings_boot_ns", offsetof(struct f4j_settings, boot_ns));
	return 0;
}
