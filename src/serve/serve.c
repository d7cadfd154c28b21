/* serve.c — the HTTP side of wsdoc serve: libmicrohttpd's daemon, the
 * bounds on connections and requests, the routes, the headers every
 * answer carries, and the stop on SIGINT/SIGTERM. */
#include "serve.h"

#include <errno.h>
#include <netdb.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <pthread.h>
#include <microhttpd.h>

#include "../diag/diag.h"
#include "../util/util.h"

/* libmicrohttpd is loaded when the server starts, not linked: it brings
 * GnuTLS and a dozen libraries more that every other command would map
 * for nothing (their start-up time, their address space under a memory
 * limit).  The functions used, called through pointers of their own
 * types under their own names. */
#define S_MHD_FUNCS(X) X(MHD_start_daemon) X(MHD_stop_daemon) \
	X(MHD_quiesce_daemon) X(MHD_get_daemon_info) \
	X(MHD_create_response_from_buffer) X(MHD_add_response_header) \
	X(MHD_queue_response) X(MHD_destroy_response) \
	X(MHD_lookup_connection_value)
#define S_DECL(f) static __typeof__(f) *p_##f;
S_MHD_FUNCS(S_DECL)
#undef S_DECL
#define MHD_start_daemon p_MHD_start_daemon
#define MHD_stop_daemon p_MHD_stop_daemon
#define MHD_quiesce_daemon p_MHD_quiesce_daemon
#define MHD_get_daemon_info p_MHD_get_daemon_info
#define MHD_create_response_from_buffer p_MHD_create_response_from_buffer
#define MHD_add_response_header p_MHD_add_response_header
#define MHD_queue_response p_MHD_queue_response
#define MHD_destroy_response p_MHD_destroy_response
#define MHD_lookup_connection_value p_MHD_lookup_connection_value
#define S_MHD_LIB "libmicrohttpd.so.12"

/* The library, or NULL after F-SYS-SERVE-LIB. */
static void *
S_mhd_load(void)
{
	void *h = dlopen(S_MHD_LIB, RTLD_NOW | RTLD_LOCAL);

	if (h == NULL) {
		diag(F_SERVE_LIB, NULL, 0, 0, S_MHD_LIB, dlerror());
		return NULL;
	}
#define S_LOAD(f) \
	if ((p_##f = (__typeof__(p_##f))dlsym(h, #f)) == NULL) { \
		diag(F_SERVE_LIB, NULL, 0, 0, S_MHD_LIB, #f); \
		dlclose(h); \
		return NULL; \
	}
	S_MHD_FUNCS(S_LOAD)
#undef S_LOAD
	return h;
}

/* Set when a stop was asked: answers then close their connection. */
static atomic_int S_stopping;

/* One request as it comes in. */
struct req {
	struct buf	 body;
	struct timespec	 start;
	int		 done;		/* an answer is queued already */
	size_t		 too_large;	/* bytes past the cap, not kept */
};

static double
S_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Queue rep (its body is handed to libmicrohttpd) with the headers every
 * answer carries. */
static enum MHD_Result
S_send(struct MHD_Connection *c, struct serve_reply *rep, const char *allow)
{
	struct MHD_Response *resp;
	enum MHD_Result ok;

	if (rep->body == NULL)
		rep->body = xstrdup("");
	resp = MHD_create_response_from_buffer(rep->len, rep->body,
	    MHD_RESPMEM_MUST_FREE);
	if (resp == NULL) {
		free(rep->body);
		return MHD_NO;
	}
	rep->body = NULL;
	MHD_add_response_header(resp, "Content-Type", rep->type);
	MHD_add_response_header(resp, "Content-Security-Policy", serve_page_csp());
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	/* A filled form is the person's: no cache anywhere keeps it. */
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	if (rep->filename) {
		/* RFC 6266: the UTF-8 name percent-encoded, an ASCII fallback. */
		struct buf cd;
		buf_init(&cd);
		buf_puts(&cd, "attachment; filename=\"wsdoc");
		const char *dot = strrchr(rep->filename, '.');
		buf_puts(&cd, dot ? dot : "");
		buf_puts(&cd, "\"; filename*=UTF-8''");
		for (const unsigned char *p = (const unsigned char *)rep->filename; *p; p++) {
			if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= '0' && *p <= '9') || strchr("-._", *p))
				buf_putc(&cd, *p);
			else
				buf_printf(&cd, "%%%02X", *p);
		}
		MHD_add_response_header(resp, "Content-Disposition", cd.data);
		buf_free(&cd);
	}
	if (allow)
		MHD_add_response_header(resp, "Allow", allow);
	if (atomic_load(&S_stopping))
		MHD_add_response_header(resp, "Connection", "close");
	ok = MHD_queue_response(c, (unsigned)rep->status, resp);
	MHD_destroy_response(resp);
	return ok;
}

/* A refusal: the messages said since serve_diag_begin() as its JSON. */
static enum MHD_Result
S_refused(struct MHD_Connection *c, int status, const char *allow)
{
	struct serve_reply rep = { 0, NULL, NULL, 0, NULL };

	serve_diag_reply(&rep, status);
	return S_send(c, &rep, allow);
}

enum route { R_NONE, R_PAGE, R_API };

/* What a path is, and the methods it takes. */
static enum route
S_route(const char *url, const char **allow)
{
	size_t n;

	if (serve_page(url, &n) != NULL) {
		*allow = "GET, HEAD";
		return R_PAGE;
	}
	if (strcmp(url, "/api/check") == 0 || strcmp(url, "/api/render") == 0 ||
	    strcmp(url, "/api/xml") == 0 || strcmp(url, "/api/open") == 0) {
		*allow = "POST";
		return R_API;
	}
	return R_NONE;
}

static enum MHD_Result
S_access(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **ctx)
{
	struct req *r = *ctx;
	const char *allow = NULL;
	enum route route = S_route(url, &allow);

	if (r == NULL) {
		const char *cl;

		r = xcalloc(1, sizeof *r);
		buf_init(&r->body);
		clock_gettime(CLOCK_MONOTONIC, &r->start);
		*ctx = r;
		/* What will be refused anyway is refused before its body. */
		if (route == R_NONE) {
			r->done = 1;
			serve_diag_begin();
			diag(E_SERVE_NOT_FOUND, NULL, 0, 0, url);
			return S_refused(c, 404, NULL);
		}
		if ((route == R_PAGE && strcmp(method, "GET") != 0 &&
		    strcmp(method, "HEAD") != 0) ||
		    (route == R_API && strcmp(method, "POST") != 0)) {
			r->done = 1;
			serve_diag_begin();
			diag(E_SERVE_METHOD, NULL, 0, 0, url, method, allow);
			return S_refused(c, 405, allow);
		}
		cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > SERVE_MAX_BODY) {
			r->done = 1;
			serve_diag_begin();
			diag(E_SERVE_TOO_LARGE, NULL, 0, 0, SERVE_MAX_BODY);
			return S_refused(c, 413, NULL);
		}
		return MHD_YES;
	}
	if (r->done) {
		*upload_size = 0;
		return MHD_YES;
	}
	if (*upload_size) {
		size_t n = *upload_size;
		*upload_size = 0;
		/* libmicrohttpd answers only once the body is in: a slow
		 * body is cut (the connection closed, nothing to say it on),
		 * a body past the cap is read to its end unkept, up to a few
		 * times the cap, and then refused. */
		if (S_since(&r->start) > SERVE_REQUEST_SECONDS)
			return MHD_NO;
		if (r->too_large || r->body.len + n > SERVE_MAX_BODY) {
			r->too_large += n;
			buf_free(&r->body);
			return r->too_large > 4 * (size_t)SERVE_MAX_BODY ? MHD_NO : MHD_YES;
		}
		buf_append(&r->body, upload, n);
		return MHD_YES;
	}
	if (r->too_large) {
		r->done = 1;
		serve_diag_begin();
		diag(E_SERVE_TOO_LARGE, NULL, 0, 0, SERVE_MAX_BODY);
		return S_refused(c, 413, NULL);
	}
	/* The request is whole. */
	r->done = 1;
	if (route == R_PAGE) {
		struct serve_reply rep = { 200, "text/html; charset=utf-8", NULL, 0, NULL };
		const char *page = serve_page(url, &rep.len);
		rep.body = xmalloc(rep.len + 1);
		memcpy(rep.body, page, rep.len);
		return S_send(c, &rep, NULL);
	}
	{
		struct serve_reply rep = { 0, NULL, NULL, 0, NULL };
		const char *name = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    "X-Wsdoc-Filename");
		serve_api(url + 5, r->body.data, r->body.len, name, &rep);
		buf_free(&r->body);
		return S_send(c, &rep, NULL);
	}
}

static void
S_completed(void *cls, struct MHD_Connection *c, void **ctx,
    enum MHD_RequestTerminationCode why)
{
	struct req *r = *ctx;

	if (r) {
		buf_free(&r->body);
		free(r);
		*ctx = NULL;
	}
}

/* libmicrohttpd's own complaints (a client that went away …) are not the
 * counsellor's business: kept quiet unless WSDOC_SERVE_DEBUG is set. */
static void
S_log(void *cls, const char *fmt, va_list ap)
{
	if (getenv("WSDOC_SERVE_DEBUG"))
		vfprintf(stderr, fmt, ap);
}

/* "ADDR:PORT" or "[ADDR]:PORT" into a socket address. */
static int
S_parse_listen(const char *spec, struct sockaddr_storage *ss, socklen_t *sl)
{
	char *host, *port, *end;
	struct addrinfo hints, *res = NULL;
	long pn;
	int rc = -1;

	if (spec[0] == '[') {
		const char *rb = strchr(spec, ']');
		if (rb == NULL || rb[1] != ':')
			return -1;
		host = xstrndup(spec + 1, (size_t)(rb - spec - 1));
		port = xstrdup(rb + 2);
	} else {
		const char *colon = strrchr(spec, ':');
		if (colon == NULL || strchr(spec, ':') != colon)
			return -1;
		host = xstrndup(spec, (size_t)(colon - spec));
		port = xstrdup(colon + 1);
	}
	errno = 0;
	pn = strtol(port, &end, 10);
	if (host[0] && port[0] && *end == '\0' && errno == 0 && pn >= 0 &&
	    pn <= 65535) {
		memset(&hints, 0, sizeof hints);
		hints.ai_family = AF_UNSPEC;
		hints.ai_socktype = SOCK_STREAM;
		hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
		if (getaddrinfo(host, port, &hints, &res) == 0 && res &&
		    res->ai_addrlen <= sizeof *ss) {
			memcpy(ss, res->ai_addr, res->ai_addrlen);
			*sl = res->ai_addrlen;
			rc = 0;
		}
		if (res)
			freeaddrinfo(res);
	}
	free(host);
	free(port);
	return rc;
}

/* "127.0.0.1:8080" / "[::1]:8080" of the bound address. */
static void
S_where(const struct sockaddr_storage *ss, unsigned port, char *buf, size_t n)
{
	char a[INET6_ADDRSTRLEN];

	if (ss->ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ss)->sin6_addr,
		    a, sizeof a);
		snprintf(buf, n, "[%s]:%u", a, port);
	} else {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ss)->sin_addr,
		    a, sizeof a);
		snprintf(buf, n, "%s:%u", a, port);
	}
}

/* The listening socket, bound and listening, or -1 with errno. */
static int
S_listen(const struct sockaddr_storage *ss, socklen_t sl)
{
	int fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1, e;

	if (fd == -1)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (ss->ss_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
	if (bind(fd, (const struct sockaddr *)ss, sl) == -1 ||
	    listen(fd, SOMAXCONN) == -1) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* One worker process: a daemon on the shared socket until SIGINT or
 * SIGTERM, then the answers under way go out (a render finishes) and it
 * stops.  Writes a byte to ready once it takes connections.  0, or 3
 * after F-SYS-SERVE. */
static int
S_worker(int ls, int ipv6, unsigned limit, const sigset_t *stop,
    const char *where, int ready)
{
	const union MHD_DaemonInfo *info;
	struct MHD_Daemon *d;
	struct timespec t0;
	unsigned flags;
	int sig = 0;

	flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	if (ipv6)
		flags |= MHD_USE_IPv6;
	d = MHD_start_daemon(flags, 0, NULL, NULL, S_access, NULL,
	    MHD_OPTION_EXTERNAL_LOGGER, S_log, NULL,
	    MHD_OPTION_LISTEN_SOCKET, (MHD_socket)ls,
	    MHD_OPTION_CONNECTION_LIMIT, limit,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_IDLE_SECONDS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	    MHD_OPTION_NOTIFY_COMPLETED, S_completed, NULL,
	    MHD_OPTION_END);
	if (d == NULL) {
		diag(F_SERVE_START, NULL, 0, 0, where, errno_text(errno ? errno : EINVAL));
		close(ready);
		return 3;
	}
	/* taking connections: the parent may say the server is ready (a
	 * worker started again after a crash has no one waiting) */
	(void)!write(ready, "", 1);
	close(ready);
	sigwait(stop, &sig);
	atomic_store(&S_stopping, 1);
	MHD_quiesce_daemon(d);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
		if (info == NULL || info->num_connections == 0 ||
		    S_since(&t0) > SERVE_DRAIN_SECONDS)
			break;
		struct timespec nap = { 0, 10 * 1000 * 1000 };
		nanosleep(&nap, NULL);
	}
	MHD_stop_daemon(d);
	return 0;
}

struct workers {
	pid_t		 pid[SERVE_MAX_WORKERS];
	struct timespec	 born[SERVE_MAX_WORKERS];
	int		 n;
};

/* Fork worker i; in the child, run it and return its status through
 * *child (set to 1).  The parent gets 0, or -1 when fork failed. */
static int
S_spawn(struct workers *w, int i, int ls, int ipv6, const sigset_t *stop,
    const char *where, int *child, int *status, int ready[2])
{
	pid_t pid = fork();

	if (pid == -1)
		return -1;
	if (pid == 0) {
		*child = 1;
		close(ready[0]);
		*status = S_worker(ls, ipv6, SERVE_MAX_CONNECTIONS / w->n, stop,
		    where, ready[1]);
		return 0;
	}
	w->pid[i] = pid;
	clock_gettime(CLOCK_MONOTONIC, &w->born[i]);
	return 0;
}

int
serve_run(const char *listen)
{
	struct sockaddr_storage ss, bound;
	socklen_t sl = 0, bl = sizeof bound;
	struct workers w;
	sigset_t stop, parent, old;
	char where[96];
	int sig = 0, ls, ipv6, child = 0, rc = 0, alive, ready[2], up = 0;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	void *lib;

	if (S_parse_listen(listen, &ss, &sl) == -1) {
		diag(E_SERVE_LISTEN, NULL, 0, 0, listen);
		return 2;
	}
	if ((lib = S_mhd_load()) == NULL)
		return 3;
	if (serve_page_init() == -1) {
		dlclose(lib);
		return diag_exit_status() ? diag_exit_status() : 3;
	}
	ipv6 = ss.ss_family == AF_INET6;
	if ((ls = S_listen(&ss, sl)) == -1 ||
	    getsockname(ls, (struct sockaddr *)&bound, &bl) == -1) {
		int e = errno;
		S_where(&ss, ntohs(ipv6 ? ((struct sockaddr_in6 *)&ss)->sin6_port :
		    ((struct sockaddr_in *)&ss)->sin_port), where, sizeof where);
		diag(F_SERVE_START, NULL, 0, 0, where, errno_text(e));
		if (ls != -1)
			close(ls);
		serve_page_free();
		dlclose(lib);
		return 3;
	}
	S_where(&bound, ntohs(ipv6 ? ((struct sockaddr_in6 *)&bound)->sin6_port :
	    ((struct sockaddr_in *)&bound)->sin_port), where, sizeof where);
	/* The workers' threads inherit the mask: the signals come to
	 * sigwait, never into the middle of a request. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	parent = stop;
	sigaddset(&parent, SIGCHLD);
	pthread_sigmask(SIG_BLOCK, &parent, &old);
	signal(SIGPIPE, SIG_IGN);

	/* One worker a CPU: each answers its requests in turn, the kernel
	 * hands the connections out. */
	memset(&w, 0, sizeof w);
	w.n = ncpu < 1 ? 1 : ncpu > SERVE_MAX_WORKERS ? SERVE_MAX_WORKERS : (int)ncpu;
	if (pipe(ready) == -1) {
		diag(F_SERVE_START, NULL, 0, 0, where, errno_text(errno));
		rc = 3;
		goto out;
	}
	for (int i = 0; i < w.n; i++) {
		if (S_spawn(&w, i, ls, ipv6, &stop, where, &child, &rc, ready) == -1)
			w.pid[i] = 0;
		if (child)
			goto out;
	}
	/* Ready when every worker takes connections (a worker that could
	 * not start closes its end unwritten). */
	close(ready[1]);
	for (char b; read(ready[0], &b, 1) == 1;)
		up++;
	close(ready[0]);
	if (up == 0) {
		rc = 3;
		goto stop;
	}
	diag(N_SERVE_READY, NULL, 0, 0, where);
	/* A worker that dies (a crash in one request) is replaced; one that
	 * cannot start is not. */
	for (;;) {
		sigwait(&parent, &sig);
		if (sig != SIGCHLD)
			break;
		for (int i = 0; i < w.n; i++) {
			int st;
			if (w.pid[i] == 0 || waitpid(w.pid[i], &st, WNOHANG) != w.pid[i])
				continue;
			w.pid[i] = 0;
			if (WIFEXITED(st) && WEXITSTATUS(st) == 3 && S_since(&w.born[i]) < 1)
				continue;
			diag(W_SERVE_WORKER, NULL, 0, 0, WIFSIGNALED(st) ? WTERMSIG(st) : 0,
			    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
			if (pipe(ready) == 0) {
				S_spawn(&w, i, ls, ipv6, &stop, where, &child, &rc, ready);
				if (child)
					goto out;
				close(ready[0]);
				close(ready[1]);
			}
		}
		alive = 0;
		for (int i = 0; i < w.n; i++)
			alive += w.pid[i] != 0;
		if (alive == 0) {
			rc = 3;
			break;
		}
	}
stop:
	/* SIGTERM to the workers (a Ctrl+C reached them already), each
	 * finishing what it is answering. */
	for (int i = 0; i < w.n; i++)
		if (w.pid[i] > 0)
			kill(w.pid[i], SIGTERM);
	for (int i = 0; i < w.n; i++) {
		int st;
		if (w.pid[i] > 0 && waitpid(w.pid[i], &st, 0) == w.pid[i] &&
		    !(WIFEXITED(st) && WEXITSTATUS(st) == 0))
			rc = 3;
	}
out:
	close(ls);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	serve_page_free();
	dlclose(lib);
	if (!child && rc == 0)
		diag(N_SERVE_STOPPED, NULL, 0, 0);
	return rc;
}
