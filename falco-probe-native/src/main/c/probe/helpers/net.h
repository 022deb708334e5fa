/* net.h: socket addresses (PT_SOCKADDR) from user memory and connection tuples (PT_SOCKTUPLE) from a
 * kernel socket, in the layouts of shared/spec/scap-format.md §10.2: family byte, then addresses in
 * network order and ports in host order. */
#ifndef F4J_NET_H
#define F4J_NET_H

#include "fd.h"

#define F4J_AF_UNIX 1
#define F4J_AF_INET 2
#define F4J_AF_INET6 10
#define F4J_UNIX_PATH_MAX 108

static __always_inline u16 f4j_ntohs(u16 v)
{
	return (u16)((v >> 8) | (v << 8));
}

static __always_inline void f4j_push_user_sockaddr(struct f4j_evt *e, const void *uaddr, u32 ulen)
{
	u16 family = 0;
	if (!uaddr || ulen < 2 || bpf_probe_read_user(&family, sizeof(family), uaddr)) {
		f4j_push_empty(e);
		return;
	}
	u8 *dst = e->buf + (e->off & F4J_OFF_MASK);
	if (family == F4J_AF_INET) {
		struct { u16 family; u16 port; u8 addr[4]; } in = {};
		bpf_probe_read_user(&in, sizeof(in), uaddr);
		u16 port = f4j_ntohs(in.port);
		dst[0] = F4J_AF_INET;
		__builtin_memcpy(dst + 1, in.addr, 4);
		__builtin_memcpy(dst + 5, &port, 2);
		f4j_param_done(e, 7);
	} else if (family == F4J_AF_INET6) {
		struct { u16 family; u16 port; u32 flowinfo; u8 addr[16]; } in6 = {};
		bpf_probe_read_user(&in6, sizeof(in6), uaddr);
		u16 port = f4j_ntohs(in6.port);
		dst[0] = F4J_AF_INET6;
		__builtin_memcpy(dst + 1, in6.addr, 16);
		__builtin_memcpy(dst + 17, &port, 2);
		f4j_param_done(e, 19);
	} else if (family == F4J_AF_UNIX) {
		char first = 0;
		bpf_probe_read_user(&first, 1, uaddr + 2);
		dst[0] = F4J_AF_UNIX;
		/* Abstract names start with a NUL, which is dropped. */
		long n = bpf_probe_read_user_str(dst + 1, F4J_UNIX_PATH_MAX, uaddr + 2 + (first == 0 ? 1 : 0));
		if (n <= 0) {
			dst[1] = 0;
			n = 1;
		}
		f4j_param_done(e, 1 + (u32)n);
	} else {
		dst[0] = (u8)family;
		f4j_param_done(e, 1);
	}
}

/* Unix socket path of `sk` (its bound address), NUL-terminated, into dst; returns the bytes written. */
static __always_inline u32 f4j_unix_path(u8 *dst, struct sock *sk)
{
	struct unix_sock *us = (struct unix_sock *)sk;
	struct unix_address *addr = BPF_CORE_READ(us, addr);
	if (!addr) {
		dst[0] = 0;
		return 1;
	}
	char first = 0;
	bpf_probe_read_kernel(&first, 1, &addr->name[0].sun_path[0]);
	long n = bpf_probe_read_kernel_str(dst, F4J_UNIX_PATH_MAX, &addr->name[0].sun_path[first == 0 ? 1 : 0]);
	if (n <= 0) {
		dst[0] = 0;
		return 1;
	}
	return (u32)n;
}

/* Tuple of the socket behind `fd`. For INET/INET6 the connecting side comes first: `local_first` is
 * true for the client (connect), false for the accepting side (accept). */
static __always_inline void f4j_push_sock_tuple(struct f4j_evt *e, s64 fd, bool local_first)
{
	struct sock *sk = f4j_fd_sock(fd);
	if (!sk) {
		f4j_push_empty(e);
		return;
	}
	u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	u8 *dst = e->buf + (e->off & F4J_OFF_MASK);
	if (family == F4J_AF_INET) {
		u32 laddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		u32 raddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		u16 rport = f4j_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		dst[0] = F4J_AF_INET;
		if (local_first) {
			__builtin_memcpy(dst + 1, &laddr, 4);
			__builtin_memcpy(dst + 5, &lport, 2);
			__builtin_memcpy(dst + 7, &raddr, 4);
			__builtin_memcpy(dst + 11, &rport, 2);
		} else {
			__builtin_memcpy(dst + 1, &raddr, 4);
			__builtin_memcpy(dst + 5, &rport, 2);
			__builtin_memcpy(dst + 7, &laddr, 4);
			__builtin_memcpy(dst + 11, &lport, 2);
		}
		f4j_param_done(e, 13);
	} else if (family == F4J_AF_INET6) {
		struct in6_addr laddr = BPF_CORE_READ(sk, __sk_common.skc_v6_rcv_saddr);
		struct in6_addr raddr = BPF_CORE_READ(sk, __sk_common.skc_v6_daddr);
		u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		u16 rport = f4j_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		dst[0] = F4J_AF_INET6;
		if (local_first) {
			__builtin_memcpy(dst + 1, &laddr, 16);
			__builtin_memcpy(dst + 17, &lport, 2);
			__builtin_memcpy(dst + 19, &raddr, 16);
			__builtin_memcpy(dst + 35, &rport, 2);
		} else {
			__builtin_memcpy(dst + 1, &raddr, 16);
			__builtin_memcpy(dst + 17, &rport, 2);
			__builtin_memcpy(dst + 19, &laddr, 16);
			__builtin_memcpy(dst + 35, &lport, 2);
		}
		f4j_param_done(e, 37);
	} else if (family == F4J_AF_UNIX) {
		struct sock *peer = BPF_CORE_READ((struct unix_sock *)sk, peer);
		u64 a = (u64)sk, b = (u64)peer;
		dst[0] = F4J_AF_UNIX;
		__builtin_memcpy(dst + 1, &a, 8);
		__builtin_memcpy(dst + 9, &b, 8);
		/* The client names the path it connected to (the peer's); the server its own. */
		u32 n = f4j_unix_path(dst + 17, local_first && peer ? peer : sk);
		f4j_param_done(e, 17 + n);
	} else {
		f4j_push_empty(e);
	}
}

/* I/O payload kept in data params, like Falco's default snaplen. */
#define F4J_SNAPLEN 80

/* Tuple of a datagram: as f4j_push_sock_tuple, but when the socket has no peer (unconnected UDP) the
 * remote end is the address the caller passed (sendto) or received (recvfrom). */
static __always_inline void f4j_push_dgram_tuple(struct f4j_evt *e, s64 fd, const void *uaddr, bool local_first)
{
	struct sock *sk = f4j_fd_sock(fd);
	u16 family = sk ? BPF_CORE_READ(sk, __sk_common.skc_family) : 0;
	u32 raddr = sk ? BPF_CORE_READ(sk, __sk_common.skc_daddr) : 0;
	if (family != F4J_AF_INET || raddr != 0 || !uaddr) {
		f4j_push_sock_tuple(e, fd, local_first);
		return;
	}
	struct { u16 family; u16 port; u32 addr; } in = {};
	if (bpf_probe_read_user(&in, sizeof(in), uaddr) || in.family != F4J_AF_INET) {
		f4j_push_sock_tuple(e, fd, local_first);
		return;
	}
	u32 laddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
	u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	u16 rport = f4j_ntohs(in.port);
	u8 *dst = e->buf + (e->off & F4J_OFF_MASK);
	dst[0] = F4J_AF_INET;
	if (local_first) {
		__builtin_memcpy(dst + 1, &laddr, 4);
		__builtin_memcpy(dst + 5, &lport, 2);
		__builtin_memcpy(dst + 7, &in.addr, 4);
		__builtin_memcpy(dst + 11, &rport, 2);
	} else {
		__builtin_memcpy(dst + 1, &in.addr, 4);
		__builtin_memcpy(dst + 5, &rport, 2);
		__builtin_memcpy(dst + 7, &laddr, 4);
		__builtin_memcpy(dst + 11, &lport, 2);
	}
	f4j_param_done(e, 13);
}

/* First bytes of a payload (PT_BYTEBUF), at most F4J_SNAPLEN, only when the call moved data. */
static __always_inline void f4j_push_payload(struct f4j_evt *e, const void *ubuf, long ret)
{
	if (ret <= 0 || !ubuf) {
		f4j_push_empty(e);
		return;
	}
	f4j_push_user_bytes(e, ubuf, ret < F4J_SNAPLEN ? (u32)ret : F4J_SNAPLEN);
}

/* struct user_msghdr / struct iovec as user space lays them out on x86_64. */
struct f4j_msghdr {
	void *name;
	int namelen;
	void *iov;
	u64 iovlen;
	void *control;
	u64 controllen;
	u32 flags;
};

struct f4j_iovec {
	void *base;
	u64 len;
};

#endif /* F4J_NET_H */
