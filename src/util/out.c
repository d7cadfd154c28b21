/* out.c — opening inputs without blocking, and writing outputs so that a
 * failed or killed run leaves every file old or new: temporary files named
 * after their process, so that the next run into a folder can tell the
 * leftovers of dead runs from the files of live ones, and sets of outputs
 * renamed together once all of them are written. */
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
file_open_input(const char *path)
{
	struct stat st;
	int fd, saved;

	/* O_NONBLOCK: opening a FIFO without a writer must not wait. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)) == -1)
		return -1;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		errno = ESPIPE;		/* a FIFO, a device, a socket */
		goto fail;
	}
	/* A regular file never blocks; later reads are plain ones. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

static int
S_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* ".NAME.~PID.XXXXXX": the pid of the run that wrote it, or 0 if the name
 * is not one of ours. */
static long
S_tmp_pid(const char *name, const char *base)
{
	const char *p, *q;
	char *end;
	long pid;

	if (name[0] != '.')
		return 0;
	p = name + 1;
	if (base) {
		size_t bl = strlen(base);
		if (strncmp(p, base, bl) != 0 || p[bl] != '.')
			return 0;
		p += bl + 1;
		if (p[0] != '~')
			return 0;
	} else if ((p = strstr(p, ".~")) == NULL)
		return 0;
	else
		p++;
	/* the last ".~" when there is no base: a name may hold one */
	for (q = p; base == NULL && (q = strstr(q + 1, ".~")) != NULL;)
		p = q + 1;
	pid = strtol(p + 1, &end, 10);
	if (end == p + 1 || *end != '.' || strlen(end + 1) != 6 || pid <= 0)
		return 0;
	return pid;
}

/* The run of pid is over: no such process, or a zombie that nobody reaps
 * (an orphan where the first process never waits, as in some containers)
 * and that will write nothing any more. */
static int
S_gone(long pid)
{
	char path[64], buf[512], *rp;
	FILE *f;
	size_t n;

	if (kill((pid_t)pid, 0) == -1 && errno == ESRCH)
		return 1;
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if ((f = fopen(path, "re")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* "PID (COMM) STATE ...": COMM may hold ')' */
	if ((rp = strrchr(buf, ')')) == NULL || rp[1] != ' ')
		return 0;
	return rp[2] == 'Z' || rp[2] == 'X';
}

void
out_sweep(const char *dir, const char *base, int all)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		long pid = S_tmp_pid(e->d_name, base);
		if (pid == 0 || pid == (long)getpid())
			continue;
		/* a pid that is gone (or, under a lock, any other run's) */
		if (all || S_gone(pid)) {
			char *p = path_join(dir, e->d_name);
			unlink(p);
			free(p);
		}
	}
	if (d)
		closedir(d);
}

/* Sweep each folder once per run. */
static void
S_sweep_once(const char *dir)
{
	static char **seen;
	static size_t n;

	for (size_t i = 0; i < n; i++)
		if (strcmp(seen[i], dir) == 0)
			return;
	if (n < 64) {
		seen = xreallocarray(seen, n + 1, sizeof *seen);
		seen[n++] = xstrdup(dir);
	}
	out_sweep(dir, NULL, 0);
}

int
file_write_temp(const char *path, const void *data, size_t len, char **tmpp)
{
	char *dir = path_dirname(path), *tmp;
	struct stat st;
	int fd, saved;

	S_sweep_once(dir);
	tmp = xasprintf("%s/.%s.~%ld.XXXXXX", dir, path_basename(path),
	    (long)getpid());
	free(dir);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1)
		goto fail_nofd;
	/* The file it replaces keeps its mode and, as far as we may, its
	 * owner; a new one gets the mode the umask allows. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		if (fchown(fd, st.st_uid, st.st_gid) == -1)
			(void)!fchown(fd, (uid_t)-1, st.st_gid);
		fchmod(fd, st.st_mode & 07777);
	} else {
		mode_t um = umask(022);
		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	if (S_write_all(fd, data, len) == -1 || fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	*tmpp = tmp;
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	errno = saved;
fail_nofd:
	saved = errno;
	free(tmp);
	errno = saved;
	return -1;
}

void
file_sync_dir(const char *path)
{
	char *dir = path_dirname(path);
	int dfd;

	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
}

/* The set of outputs being staged (out_begin … out_commit). */
static struct {
	int	  on;
	char	**tmp, **path;
	size_t	  n;
} S_set;

static void
S_set_clear(int remove)
{
	for (size_t i = 0; i < S_set.n; i++) {
		if (remove)
			unlink(S_set.tmp[i]);
		free(S_set.tmp[i]);
		free(S_set.path[i]);
	}
	free(S_set.tmp);
	free(S_set.path);
	S_set.tmp = S_set.path = NULL;
	S_set.n = 0;
}

/* exit() in the middle of a set (out of memory): no temporary stays. */
static void
S_at_exit(void)
{
	S_set_clear(1);
}

/* Interrupted in between (Ctrl-C, SIGTERM, SIGHUP): the temporary files
 * go, then the signal does what it would have done.  The set is never
 * half-updated when a signal comes: file_write_atomic holds them. */
static const int S_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
static struct sigaction S_old[4];

static void
S_on_signal(int sig)
{
	for (size_t i = 0; i < S_set.n; i++)
		unlink(S_set.tmp[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
S_handlers(int on)
{
	static int installed;
	struct sigaction sa;

	if (on && !installed) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = S_on_signal;
		sigfillset(&sa.sa_mask);
		for (size_t i = 0; i < 4; i++)
			sigaction(S_sigs[i], &sa, &S_old[i]);
		installed = 1;
	} else if (!on && installed) {
		for (size_t i = 0; i < 4; i++)
			sigaction(S_sigs[i], &S_old[i], NULL);
		installed = 0;
	}
}

void
out_begin(void)
{
	static int registered;

	if (!registered) {
		atexit(S_at_exit);
		registered = 1;
	}
	S_set_clear(1);
	S_set.on = 1;
	S_handlers(1);
}

void
out_signals(int block)
{
	static sigset_t old;
	static int depth;
	sigset_t all;

	if (block) {
		if (depth++ == 0) {
			sigfillset(&all);
			sigprocmask(SIG_BLOCK, &all, &old);
		}
	} else if (depth > 0 && --depth == 0)
		sigprocmask(SIG_SETMASK, &old, NULL);
}

int
out_commit(void)
{
	int rc = 0, saved = 0;

	S_set.on = 0;
	out_signals(1);
	for (size_t i = 0; i < S_set.n; i++) {
		if (rc == 0 && rename(S_set.tmp[i], S_set.path[i]) == -1) {
			saved = errno;
			rc = -1;
		}
		if (rc == 0)
			file_sync_dir(S_set.path[i]);
	}
	S_set_clear(1);	/* after a failure: the ones not renamed */
	S_handlers(0);
	out_signals(0);
	errno = saved;
	return rc;
}

void
out_abort(void)
{
	out_signals(1);
	S_set.on = 0;
	S_set_clear(1);
	S_handlers(0);
	out_signals(0);
}

int
file_write_atomic(const char *path, const void *data, size_t len)
{
	char *tmp;
	int saved;

	if (strcmp(path, "-") == 0)
		return S_write_all(1, data, len);
	/* A signal between the temporary file's creation and its rename
	 * must not leave it behind: the catchable ones wait meanwhile.
	 * SIGXFSZ is ignored by main(), so a full file-size limit shows up
	 * as EFBIG here. */
	out_signals(1);
	if (file_write_temp(path, data, len, &tmp) == -1) {
		saved = errno;
		out_signals(0);
		errno = saved;
		return -1;
	}
	if (S_set.on) {
		S_set.tmp = xreallocarray(S_set.tmp, S_set.n + 1, sizeof *S_set.tmp);
		S_set.path = xreallocarray(S_set.path, S_set.n + 1, sizeof *S_set.path);
		S_set.tmp[S_set.n] = tmp;
		S_set.path[S_set.n++] = xstrdup(path);
		out_signals(0);
		return 0;
	}
	if (rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		out_signals(0);
		errno = saved;
		return -1;
	}
	file_sync_dir(path);
	free(tmp);
	out_signals(0);
	return 0;
}
