/* net.bpf.c: socket, bind, listen, connect, accept, accept4. */
#include "../helpers/net.h"
#include "../helpers/flags.h"
#include "../helpers/args.h"

#define F4J_EINPROGRESS 115

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_socket, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SOCKET_SOCKET_X, F4J_EVT_SOCKET_SOCKET_X_NPARAMS))
		return 0;
	u64 type = f4j_arg(regs, 1);
	f4j_push_s64(&e, ret);                           /* param 1: fd (PT_FD) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 0));         /* param 2: domain (PT_ENUMFLAGS32, socket_families) */
	f4j_push_u32(&e, (u32)type);                     /* param 3: type (PT_UINT32) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2));         /* param 4: proto (PT_UINT32) */
	f4j_push_u32(&e, f4j_sock_type_flags(type));     /* param 5: flags (PT_FLAGS32, file_flags) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_bind, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SOCKET_BIND_X, F4J_EVT_SOCKET_BIND_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                                                            /* param 1: res (PT_ERRNO) */
	f4j_push_user_sockaddr(&e, (const void *)f4j_arg(regs, 1), (u32)f4j_arg(regs, 2)); /* param 2: addr (PT_SOCKADDR) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                                          /* param 3: fd (PT_FD) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_listen, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SOCKET_LISTEN_X, F4J_EVT_SOCKET_LISTEN_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                           /* param 1: res (PT_ERRNO) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));         /* param 2: fd (PT_FD) */
	f4j_push_s32(&e, (s32)f4j_arg(regs, 1));         /* param 3: backlog (PT_INT32) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_connect, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SOCKET_CONNECT_X, F4J_EVT_SOCKET_CONNECT_X_NPARAMS))
		return 0;
	s64 fd = (s32)f4j_arg(regs, 0);
	f4j_push_s64(&e, ret);                           /* param 1: res (PT_ERRNO) */
	if (ret == 0 || ret == -F4J_EINPROGRESS)         /* param 2: tuple (PT_SOCKTUPLE) */
		f4j_push_sock_tuple(&e, fd, true);
	else
		f4j_push_empty(&e);
	f4j_push_s64(&e, fd);                            /* param 3: fd (PT_FD) */
	f4j_push_user_sockaddr(&e, (const void *)f4j_arg(regs, 1), (u32)f4j_arg(regs, 2)); /* param 4: addr (PT_SOCKADDR) */
	f4j_submit(&e);
	return 0;
}

static __always_inline void f4j_accept_exit(struct pt_regs *regs, long ret, bool four)
{
	struct f4j_evt e;
	if (four ? f4j_begin(&e, F4J_EVT_SOCKET_ACCEPT4_6_X, F4J_EVT_SOCKET_ACCEPT4_6_X_NPARAMS)
		 : f4j_begin(&e, F4J_EVT_SOCKET_ACCEPT_5_X, F4J_EVT_SOCKET_ACCEPT_5_X_NPARAMS))
		return;
	f4j_push_s64(&e, ret);                           /* param 1: fd (PT_FD) */
	if (ret >= 0)                                    /* param 2: tuple (PT_SOCKTUPLE) */
		f4j_push_sock_tuple(&e, ret, false);
	else
		f4j_push_empty(&e);
	struct sock *listener = f4j_fd_sock((s32)f4j_arg(regs, 0));
	u32 qlen = listener ? BPF_CORE_READ(listener, sk_ack_backlog) : 0;
	u32 qmax = listener ? BPF_CORE_READ(listener, sk_max_ack_backlog) : 0;
	f4j_push_u8(&e, qmax ? (u8)((u64)qlen * 100 / qmax) : 0); /* param 3: queuepct (PT_UINT8) */
	f4j_push_u32(&e, qlen);                          /* param 4: queuelen (PT_UINT32) */
	f4j_push_u32(&e, qmax);                          /* param 5: queuemax (PT_UINT32) */
	if (four)                                        /* param 6: flags (PT_INT32) */
		f4j_push_s32(&e, (s32)f4j_arg(regs, 3));
	f4j_submit(&e);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_accept, struct pt_regs *regs, long ret)
{
	f4j_accept_exit(regs, ret, false);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_accept4, struct pt_regs *regs, long ret)
{
	f4j_accept_exit(regs, ret, true);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_sendto, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SOCKET_SENDTO_X, F4J_EVT_SOCKET_SENDTO_X_NPARAMS))
		return 0;
	s64 fd = (s32)f4j_arg(regs, 0);
	f4j_push_s64(&e, ret);                                          /* param 1: res (PT_ERRNO) */
	f4j_push_payload(&e, (const void *)f4j_arg(regs, 1), ret);     /* param 2: data (PT_BYTEBUF) */
	f4j_push_s64(&e, fd);                                           /* param 3: fd (PT_FD) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2));                        /* param 4: size (PT_UINT32) */
	f4j_push_dgram_tuple(&e, fd, (const void *)f4j_arg(regs, 4), true); /* param 5: tuple */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_recvfrom, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SOCKET_RECVFROM_X, F4J_EVT_SOCKET_RECVFROM_X_NPARAMS))
		return 0;
	s64 fd = (s32)f4j_arg(regs, 0);
	f4j_push_s64(&e, ret);                                          /* param 1: res (PT_ERRNO) */
	f4j_push_payload(&e, (const void *)f4j_arg(regs, 1), ret);     /* param 2: data (PT_BYTEBUF) */
	f4j_push_dgram_tuple(&e, fd, (const void *)f4j_arg(regs, 4), false); /* param 3: tuple */
	f4j_push_s64(&e, fd);                                           /* param 4: fd (PT_FD) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2));                        /* param 5: size (PT_UINT32) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_sendmsg, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SOCKET_SENDMSG_X, F4J_EVT_SOCKET_SENDMSG_X_NPARAMS))
		return 0;
	s64 fd = (s32)f4j_arg(regs, 0);
	struct f4j_msghdr msg = {};
	struct f4j_iovec iov = {};
	bpf_probe_read_user(&msg, sizeof(msg), (const void *)f4j_arg(regs, 1));
	if (msg.iov && msg.iovlen > 0)
		bpf_probe_read_user(&iov, sizeof(iov), msg.iov);
	f4j_push_s64(&e, ret);                                          /* param 1: res (PT_ERRNO) */
	f4j_push_payload(&e, iov.base, ret < (long)iov.len ? ret : (long)iov.len); /* param 2: data (first iovec) */
	f4j_push_s64(&e, fd);                                           /* param 3: fd (PT_FD) */
	f4j_push_u32(&e, (u32)iov.len);                                 /* param 4: size (PT_UINT32, first iovec) */
	f4j_push_dgram_tuple(&e, fd, msg.name, true);                   /* param 5: tuple */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_recvmsg, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SOCKET_RECVMSG_X, F4J_EVT_SOCKET_RECVMSG_X_NPARAMS))
		return 0;
	s64 fd = (s32)f4j_arg(regs, 0);
	struct f4j_msghdr msg = {};
	struct f4j_iovec iov = {};
	bpf_probe_read_user(&msg, sizeof(msg), (const void *)f4j_arg(regs, 1));
	if (msg.iov && msg.iovlen > 0)
		bpf_probe_read_user(&iov, sizeof(iov), msg.iov);
	f4j_push_s64(&e, ret);                                          /* param 1: res (PT_ERRNO) */
	f4j_push_u32(&e, ret > 0 ? (u32)ret : 0);                       /* param 2: size (PT_UINT32) */
	f4j_push_payload(&e, iov.base, ret < (long)iov.len ? ret : (long)iov.len); /* param 3: data */
	f4j_push_dgram_tuple(&e, fd, msg.name, false);                  /* param 4: tuple */
	f4j_push_empty(&e);                                             /* param 5: msgcontrol: not collected */
	f4j_push_s64(&e, fd);                                           /* param 6: fd (PT_FD) */
	f4j_submit(&e);
	return 0;
}
