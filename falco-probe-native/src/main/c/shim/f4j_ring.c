/* f4j_ring.c: see f4j_ring.h. Record layout (kernel/bpf/ringbuf.c): an 8-byte header whose first u32
 * is the length with a BUSY bit (still being written) and a DISCARD bit, then the data, padded to 8. */
#include "f4j_ring.h"

#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#define F4J_RB_BUSY (1U << 31)
#define F4J_RB_DISCARD (1U << 30)
#define F4J_RB_HDR 8

int f4j_ring_map(struct f4j_ring *r, int fd, size_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	r->fd = fd;
	r->size = size;
	r->consumer_page = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (r->consumer_page == MAP_FAILED) {
		r->consumer_page = NULL;
		return -errno;
	}
	r->producer_pages = mmap(NULL, page + 2 * size, PROT_READ, MAP_SHARED, fd, page);
	if (r->producer_pages == MAP_FAILED) {
		int err = -errno;
		munmap(r->consumer_page, page);
		r->consumer_page = NULL;
		r->producer_pages = NULL;
		return err;
	}
	r->consumer_pos = r->consumer_page;
	r->producer_pos = r->producer_pages;
	r->data = (const uint8_t *)r->producer_pages + page;
	return 0;
}

void f4j_ring_unmap(struct f4j_ring *r)
{
	long page = sysconf(_SC_PAGESIZE);
	if (r->producer_pages)
		munmap(r->producer_pages, page + 2 * r->size);
	if (r->consumer_page)
		munmap(r->consumer_page, page);
	r->producer_pages = NULL;
	r->consumer_page = NULL;
}

static inline size_t f4j_round8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

const uint8_t *f4j_ring_peek(struct f4j_ring *r, uint32_t *len)
{
	unsigned long cons = __atomic_load_n(r->consumer_pos, __ATOMIC_ACQUIRE);
	for (;;) {
		unsigned long prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);
		if (cons >= prod)
			return NULL;
		const uint8_t *hdr = r->data + (cons & (r->size - 1));
		uint32_t word = __atomic_load_n((const uint32_t *)hdr, __ATOMIC_ACQUIRE);
		if (word & F4J_RB_BUSY)
			return NULL;
		uint32_t l = word & ~(F4J_RB_BUSY | F4J_RB_DISCARD);
		if (word & F4J_RB_DISCARD) {
			cons += f4j_round8(l + F4J_RB_HDR);
			__atomic_store_n(r->consumer_pos, cons, __ATOMIC_RELEASE);
			continue;
		}
		*len = l;
		/* The data is mapped twice in a row, so a record that wraps is still contiguous. */
		return hdr + F4J_RB_HDR;
	}
}

void f4j_ring_advance(struct f4j_ring *r, uint32_t len)
{
	unsigned long cons = __atomic_load_n(r->consumer_pos, __ATOMIC_ACQUIRE);
	__atomic_store_n(r->consumer_pos, cons + f4j_round8(len + F4J_RB_HDR), __ATOMIC_RELEASE);
}
