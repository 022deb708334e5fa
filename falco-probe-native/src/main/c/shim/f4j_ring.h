/* f4j_ring.h: a consumer for one BPF ring buffer, mapped directly, that can look at the next record
 * without consuming it (libbpf 1.1's ring_buffer API only consumes through callbacks, which rules out
 * merging several rings by timestamp). */
#ifndef F4J_RING_H
#define F4J_RING_H

#include <stddef.h>
#include <stdint.h>

struct f4j_ring {
	int fd;
	size_t size;            /* data bytes (power of two) */
	void *consumer_page;    /* read-write: consumer position */
	void *producer_pages;   /* read-only: producer position, then the data mapped twice */
	const uint8_t *data;
	volatile unsigned long *consumer_pos;
	volatile unsigned long *producer_pos;
};

/* Maps the ring buffer map `fd` of `size` data bytes. Returns 0 or -errno. */
int f4j_ring_map(struct f4j_ring *r, int fd, size_t size);

void f4j_ring_unmap(struct f4j_ring *r);

/* The next committed record (skipping discarded ones) and its length, or NULL when none is ready. */
const uint8_t *f4j_ring_peek(struct f4j_ring *r, uint32_t *len);

/* Releases the record returned by the last peek. */
void f4j_ring_advance(struct f4j_ring *r, uint32_t len);

#endif /* F4J_RING_H */
