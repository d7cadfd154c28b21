/* httpc.c — a small HTTP client for the tests and the bench of wsdoc serve
 * (no curl needed for what curl cannot do):
 *
 *   httpc raw PORT             send standard input as is; print the answer
 *   httpc slow PORT SECONDS    a POST whose body comes one byte a second;
 *                              prints how many seconds until the server
 *                              closed the connection (fails past SECONDS)
 *   httpc load PORT PATH FILE CLIENTS RATE TOTAL
 *                              TOTAL POSTs of FILE to PATH over CLIENTS
 *                              keep-alive connections, RATE a second in all
 *                              (0: each client as fast as it can); prints
 *                              the latency percentiles and the throughput
 *
 * Always 127.0.0.1.  Exit 0, or 1 with a message. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int
S_connect(int port)
{
	struct sockaddr_in sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		perror("httpc: connect");
		exit(1);
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return fd;
}

static double
S_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
S_raw(int port)
{
	char buf[65536];
	ssize_t n;
	int fd = S_connect(port);

	while ((n = read(0, buf, sizeof buf)) > 0)
		if (write(fd, buf, (size_t)n) != n)
			break;
	shutdown(fd, SHUT_WR);
	while ((n = read(fd, buf, sizeof buf)) > 0)
		fwrite(buf, 1, (size_t)n, stdout);
	close(fd);
	return 0;
}

static int
S_slow(int port, int limit)
{
	const char *head = "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
	    "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\n";
	double t0 = S_now();
	int fd = S_connect(port);

	if (write(fd, head, strlen(head)) < 0)
		return 1;
	for (;;) {
		char c = ';', buf[256];
		struct timeval tv = { 1, 0 };
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
		ssize_t n = read(fd, buf, sizeof buf);
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) ||
		    send(fd, &c, 1, MSG_NOSIGNAL) < 0) {
			printf("%.0f\n", S_now() - t0);
			close(fd);
			return 0;
		}
		if (n > 0)
			fwrite(buf, 1, (size_t)n, stdout);
		if (S_now() - t0 > limit) {
			fprintf(stderr, "httpc: still open after %d s\n", limit);
			return 1;
		}
	}
}

struct load {
	int		 port;
	const char	*req;
	size_t		 reqlen;
	int		 clients;
	double		 rate, start;
	long		 total;
	double		*lat;		/* per request, seconds */
	long		 bad;
	pthread_mutex_t	 mu;
};

struct client {
	struct load	*L;
	int		 id;
};

/* Read one answer; its status, or -1. */
static int
S_answer(int fd, char *buf, size_t cap)
{
	size_t have = 0;
	char *end;
	long clen = -1;
	int status;

	for (;;) {
		ssize_t n = read(fd, buf + have, cap - 1 - have);
		if (n <= 0)
			return -1;
		have += (size_t)n;
		buf[have] = '\0';
		if ((end = strstr(buf, "\r\n\r\n")) != NULL)
			break;
		if (have == cap - 1)
			return -1;
	}
	status = atoi(buf + 9);
	for (char *p = buf; p < end; p = strstr(p, "\r\n") + 2)
		if (strncasecmp(p, "Content-Length:", 15) == 0)
			clen = atol(p + 15);
	if (clen < 0)
		return -1;
	size_t body = have - (size_t)(end + 4 - buf);
	while ((long)body < clen) {
		ssize_t n = read(fd, buf, cap - 1);
		if (n <= 0)
			return -1;
		body += (size_t)n;
	}
	return status;
}

static void *
S_client(void *arg)
{
	struct client *c = arg;
	struct load *L = c->L;
	char *buf = malloc(1 << 20);
	int fd = S_connect(L->port);

	signal(SIGPIPE, SIG_IGN);
	for (long i = c->id; i < L->total; i += L->clients) {
		/* open loop: request i is due at start + i/rate, and its
		 * latency counts from then (no coordinated omission) */
		double due = L->rate > 0 ? L->start + (double)i / L->rate : S_now();
		double now = S_now();
		if (due > now) {
			struct timespec ts = { (time_t)(due - now),
			    (long)((due - now - (double)(time_t)(due - now)) * 1e9) };
			nanosleep(&ts, NULL);
		}
		/* A kept-alive connection the server closed meanwhile (its
		 * idle timeout) is opened again and the request sent again,
		 * as a browser does; a second failure counts. */
		for (int tries = 0; tries < 2; tries++) {
			int st = -1;
			if (write(fd, L->req, L->reqlen) == (ssize_t)L->reqlen)
				st = S_answer(fd, buf, 1 << 20);
			if (st == 200)
				break;
			close(fd);
			fd = S_connect(L->port);
			if (st > 0 || tries == 1) {
				pthread_mutex_lock(&L->mu);
				L->bad++;
				pthread_mutex_unlock(&L->mu);
				break;
			}
		}
		L->lat[i] = S_now() - due;
	}
	close(fd);
	free(buf);
	return NULL;
}

static int
S_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int
S_load(int port, const char *path, const char *file, int clients, double rate,
    long total)
{
	struct load L;
	FILE *f = fopen(file, "rb");
	char *body;
	long blen;
	pthread_t *th;
	struct client *cs;

	if (f == NULL) {
		perror(file);
		return 1;
	}
	fseek(f, 0, SEEK_END);
	blen = ftell(f);
	rewind(f);
	body = malloc((size_t)blen + 1);
	if (fread(body, 1, (size_t)blen, f) != (size_t)blen)
		return 1;
	fclose(f);
	memset(&L, 0, sizeof L);
	L.port = port;
	L.req = NULL;
	{
		char *req = NULL;
		size_t n = 0;
		FILE *m = open_memstream(&req, &n);
		fprintf(m, "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
		    "text/plain; charset=utf-8\r\nContent-Length: %ld\r\n\r\n", path, blen);
		fwrite(body, 1, (size_t)blen, m);
		fclose(m);
		L.req = req;
		L.reqlen = n;
	}
	free(body);
	L.clients = clients;
	L.rate = rate;
	L.total = total;
	L.lat = calloc((size_t)total, sizeof *L.lat);
	pthread_mutex_init(&L.mu, NULL);
	th = calloc((size_t)clients, sizeof *th);
	cs = calloc((size_t)clients, sizeof *cs);
	L.start = S_now() + 0.05;
	for (int i = 0; i < clients; i++) {
		cs[i].L = &L;
		cs[i].id = i;
		pthread_create(&th[i], NULL, S_client, &cs[i]);
	}
	for (int i = 0; i < clients; i++)
		pthread_join(th[i], NULL);
	double secs = S_now() - L.start;
	qsort(L.lat, (size_t)total, sizeof *L.lat, S_cmp);
	printf("requests %ld  clients %d  failed %ld  %.1f s  %.0f/s  "
	    "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n",
	    total, clients, L.bad, secs, (double)total / secs,
	    L.lat[total / 2] * 1e3, L.lat[total * 9 / 10] * 1e3,
	    L.lat[total * 99 / 100] * 1e3, L.lat[total - 1] * 1e3);
	free((void *)L.req);
	free(L.lat);
	free(th);
	free(cs);
	return L.bad ? 1 : 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "raw") == 0)
		return S_raw(atoi(argv[2]));
	if (argc == 4 && strcmp(argv[1], "slow") == 0)
		return S_slow(atoi(argv[2]), atoi(argv[3]));
	if (argc == 8 && strcmp(argv[1], "load") == 0)
		return S_load(atoi(argv[2]), argv[3], argv[4], atoi(argv[5]),
		    atof(argv[6]), atol(argv[7]));
	fputs("usage: httpc raw PORT | slow PORT SECONDS | "
	    "load PORT PATH FILE CLIENTS RATE TOTAL\n", stderr);
	return 2;
}
