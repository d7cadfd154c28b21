/* util.c — allocation, buffers, UTF-8, reading files, data paths (atomic
 * output is in out.c). */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../diag/diag.h"

void
util_oom(void)
{
	static int once;

	/* diag formats on the stack; a second failure inside it (or while
	 * the temporary outputs are removed at exit) ends here at once. */
	if (once++) {
		static const char msg[] = "wsdoc: 致命 F-SYS-MEMORY: 内存不足\n";
		(void)!write(2, msg, sizeof msg - 1);
		_exit(3);
	}
	diag(F_SYS_MEMORY, NULL, 0, 0);
	exit(3);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		util_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		util_oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		util_oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		util_oom();
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	int n;

	buf_init(&b);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		util_oom();
	buf_grow(&b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b.len = (size_t)n;
	return b.data;
}

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void
buf_append(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char ch = (char)c;
	buf_append(b, &ch, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_detach(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");
	buf_init(b);
	return p;
}

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t
utf8_encode(uint32_t c, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	} else if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | (c >> 6));
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	} else if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (c >> 12));
		o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (c >> 18));
	o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

size_t
utf8_invalid_at(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			return i;
		i += k;
	}
	return (size_t)-1;
}

size_t
utf8_count(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

uint32_t *
utf8_to_u32(const char *s, size_t len, size_t *n)
{
	uint32_t *out = xreallocarray(NULL, len + 1, sizeof *out);
	size_t i = 0, k, m = 0;
	uint32_t cp;

	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			cp = 0xFFFD;
			k = 1;
		}
		out[m++] = cp;
		i += k;
	}
	out[m] = 0;
	*n = m;
	return out;
}

char *
file_read(const char *path, size_t *len)
{
	return file_read_max(path, SIZE_MAX, len);
}

char *
file_read_max(const char *path, size_t max, size_t *len)
{
	struct buf b;
	struct stat st;
	char chunk[65536];
	ssize_t r;
	int fd, saved;

	if (strcmp(path, "-") == 0)
		fd = 0;
	else if ((fd = file_open_input(path)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		errno = EFBIG;
		goto fail;
	}
	buf_init(&b);
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		buf_grow(&b, (size_t)st.st_size);
	for (;;) {
		r = read(fd, chunk, sizeof chunk);
		if (r == 0)
			break;
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || b.len + (size_t)r > max) {
			if (r >= 0)
				errno = EFBIG;
			saved = errno;
			buf_free(&b);
			errno = saved;
			goto fail;
		}
		buf_append(&b, chunk, (size_t)r);
	}
	if (fd)
		close(fd);
	*len = b.len;
	if (b.data == NULL)
		return xstrdup("");
	return b.data;
fail:
	saved = errno;
	if (fd)
		close(fd);
	errno = saved;
	return NULL;
}

char *
path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

const char *
path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *
path_join(const char *dir, const char *rel)
{
	if (rel[0] == '/' || dir == NULL || dir[0] == '\0')
		return xstrdup(rel);
	return xasprintf("%s/%s", dir, rel);
}

static int
S_isdir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
wsdoc_datadir(void)
{
	static char *dir;
	char exe[PATH_MAX], *bindir, *cand, *probe;
	ssize_t n;

	if (dir)
		return dir;
	if ((cand = getenv("WSDOC_DATADIR")) != NULL && *cand)
		return dir = xstrdup(cand);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		bindir = path_dirname(exe);
		/* Installed: PREFIX/bin/wsdoc beside PREFIX/share/wsdoc. */
		cand = xasprintf("%s/../share/wsdoc", bindir);
		probe = xasprintf("%s/forms", cand);
		if (S_isdir(probe)) {
			free(probe);
			free(bindir);
			return dir = cand;
		}
		free(probe);
		free(cand);
		/* Built: SRC/build/wsdoc (or SRC/build/x/wsdoc) in the tree. */
		for (int up = 1; up <= 3; up++) {
			struct buf b;
			buf_init(&b);
			buf_puts(&b, bindir);
			for (int i = 0; i < up; i++)
				buf_puts(&b, "/..");
			probe = xasprintf("%s/forms", b.data);
			if (S_isdir(probe)) {
				free(probe);
				free(bindir);
				return dir = buf_detach(&b);
			}
			free(probe);
			buf_free(&b);
		}
		free(bindir);
	}
#ifdef WSDOC_DATADIR_DEFAULT
	return dir = xstrdup(WSDOC_DATADIR_DEFAULT);
#else
	return dir = xstrdup(".");
#endif
}

char *
data_path(const char *rel)
{
	return path_join(wsdoc_datadir(), rel);
}

const char *
errno_text_write(int e)
{
	switch (e) {
	case EACCES:
	case EPERM:	return "没有写入权限（文件或它所在的文件夹）";
	case EFBIG:	return "文件过大（达到了文件大小限制）";
	case ENOENT:	return "所在的文件夹不存在";
	default:	return errno_text(e);
	}
}

const char *
errno_text(int e)
{
	switch (e) {
	case ENOENT:	return "文件不存在";
	case EACCES:
	case EPERM:	return "没有访问权限";
	case ESPIPE:	return "不是普通文件（是管道、设备或套接字），不会读取";
	case ENOMEM:	return "内存不足";
	case EISDIR:	return "这是一个文件夹";
	case ENOTDIR:	return "路径中有一段不是文件夹";
	case ENAMETOOLONG: return "文件名过长";
	case ELOOP:	return "符号链接循环";
	case EFBIG:	return "文件过大（读入的文件超过 64 MB，或写出时达到了文件大小限制）";
	case ENOSPC:	return "磁盘已满";
	case EROFS:	return "文件系统只读";
	case EMFILE:
	case ENFILE:	return "打开的文件过多";
	case EIO:	return "读写出错（磁盘或网络故障）";
	default:	return "系统错误";
	}
}

int
hex_value(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

const char *
utf8_cut(const char *s, size_t max, char *out)
{
	size_t n = strlen(s), total = 0, i, k, c, head, o = 0;
	uint32_t cp;

	for (i = 0; i < n; i += k, total++)
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1;
	if (total <= max || max < 3) {
		size_t m = n < 4 * max ? n : 4 * max;
		memcpy(out, s, m);
		out[m] = '\0';
		return out;
	}
	/* the first head characters, "…", the last max - 1 - head */
	head = (max - 1) / 2;
	for (i = 0, c = 0; i < n; i += k, c++) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1;
		if (c == head) {
			memcpy(out + o, "\xe2\x80\xa6", 3);
			o += 3;
		}
		if (c < head || c >= total - (max - 1 - head)) {
			memcpy(out + o, s + i, k);
			o += k;
		}
	}
	out[o] = '\0';
	return out;
}
