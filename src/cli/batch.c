/* batch.c — worker processes, a progress bar and a summary for batches. */
#include "batch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../util/util.h"

static volatile sig_atomic_t S_interrupted, S_stop;

/* In a worker: SIGTERM from the parent ends the batch after the job under
 * way, whose result is still reported (so the counts match the files). */
static void
S_on_term(int sig)
{
	(void)sig;
	S_stop = 1;
}

static void
S_on_int(int sig)
{
	(void)sig;
	S_interrupted = 1;
}

static double
S_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
S_bar(size_t done, size_t n, double t0, int show)
{
	char bar[31];
	double el = S_now() - t0, rate = el > 0 ? done / el : 0;
	size_t fill = n ? done * 30 / n : 30;

	if (!show)
		return;
	memset(bar, '#', fill);
	memset(bar + fill, '-', 30 - fill);
	bar[30] = '\0';
	fprintf(stderr, "\r[%s] %zu/%zu  %.1f 份/秒", bar, done, n, rate);
	if (rate > 0 && done < n)
		fprintf(stderr, "  剩余约 %.0f 秒 ", (n - done) / rate);
	else
		fputs("              ", stderr);
	fflush(stderr);
}

int
batch_run(size_t n, int jobs, enum batch_result (*job)(size_t i, void *arg),
    void *arg, const char *what)
{
	size_t done = 0, next = 0, counts[4] = { 0 };
	int show = n > 3 && isatty(2), fds[2], status;
	double t0 = S_now();
	struct sigaction sa, old;
	pid_t *pids;
	sigset_t imask, omask;
	int running = 0;

	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > n)
		jobs = n ? (int)n : 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = S_on_int;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	S_interrupted = 0;

	if (jobs == 1) {
		/* In this process: simplest, and the stylesheets stay warm. */
		for (; next < n && !S_interrupted; next++) {
			enum batch_result r = job(next, arg);
			counts[r == BATCH_DONE ? 0 : r == BATCH_REFUSED ? 1 : 3]++;
			S_bar(++done, n, t0, show);
		}
	} else {
		/* Each worker takes the items i with i % jobs == w and writes
		 * one byte per item to the pipe: the result. */
		if (pipe(fds) == -1)
			return 3;
		pids = xcalloc((size_t)jobs, sizeof *pids);
		fflush(NULL);
		/* SIGINT is held except inside ppoll, so one that comes while
		 * the bar is drawn is not missed until the next result. */
		sigemptyset(&imask);
		sigaddset(&imask, SIGINT);
		sigprocmask(SIG_BLOCK, &imask, &omask);
		for (int w = 0; w < jobs; w++) {
			pid_t pid = fork();
			if (pid == -1)
				break;
			if (pid == 0) {
				struct sigaction st;
				close(fds[0]);
				/* The parent decides when to stop. */
				signal(SIGINT, SIG_IGN);
				memset(&st, 0, sizeof st);
				st.sa_handler = S_on_term;
				sigemptyset(&st.sa_mask);
				sigaction(SIGTERM, &st, NULL);
				sigprocmask(SIG_SETMASK, &omask, NULL);
				for (size_t i = (size_t)w; i < n && !S_stop;
				    i += (size_t)jobs) {
					unsigned char r = (unsigned char)job(i, arg);
					if (write(fds[1], &r, 1) != 1 || getppid() == 1)
						break;
				}
				fflush(NULL);
				_exit(0);
			}
			pids[w] = pid;
			running++;
		}
		close(fds[1]);
		for (int told = 0;;) {
			unsigned char r;
			struct pollfd pfd = { fds[0], POLLIN, 0 };
			ssize_t k;
			if (S_interrupted && !told) {
				/* Workers ignore SIGINT; SIGTERM makes each
				 * stop after its job under way. */
				for (int w = 0; w < jobs; w++)
					if (pids[w] > 0)
						kill(pids[w], SIGTERM);
				told = 1;
			}
			if (ppoll(&pfd, 1, NULL, &omask) == -1) {
				if (errno == EINTR)
					continue;
				break;
			}
			k = read(fds[0], &r, 1);
			if (k == 1) {
				counts[r == BATCH_DONE ? 0 : r == BATCH_REFUSED ? 1 : 3]++;
				S_bar(++done, n, t0, show);
				continue;
			}
			if (k == -1 && errno == EINTR)
				continue;
			break;
		}
		close(fds[0]);
		for (int w = 0; w < jobs; w++)
			if (pids[w] > 0)
				waitpid(pids[w], &status, 0);
		free(pids);
		sigprocmask(SIG_SETMASK, &omask, NULL);
		/* A worker that died (killed, crashed) or was never forked
		 * left its items unreported: they failed, whatever files
		 * they may have left (whole, being written atomically). */
		if (!S_interrupted && done < n) {
			counts[3] += n - done;
			done = n;
		}
	}
	sigaction(SIGINT, &old, NULL);
	if (show)
		fputc('\n', stderr);
	if (n > 1 || S_interrupted) {
		fprintf(stderr, "%s：完成 %zu 份，拒绝 %zu 份（输入有误），失败 %zu 份",
		    what, counts[0], counts[1], counts[3]);
		if (done < n)
			fprintf(stderr, "，未处理 %zu 份（已中断）", n - done);
		fputc('\n', stderr);
	}
	if (S_interrupted)
		return 130;
	if (counts[3])
		return 3;
	return counts[1] ? 1 : 0;
}
