/* serve.h — wsdoc serve: the forms (附件1, 附件2, 成员申报表) as web pages,
 * checked and drawn over HTTP by the same readers, checks and drawing as
 * the commands.  serve_run is for src/cli/cmd_serve.c; the rest joins the
 * files of src/serve/ and is for them only.
 *
 * Nothing is kept between requests: a request's body is read into memory,
 * turned into an input tree by input_read_mem (as `wsdoc check` reads a
 * file), answered, and freed.  A worker process a CPU (forked once the
 * fonts and pages are loaded) takes connections from the one listening
 * socket; in each, one thread of libmicrohttpd answers its requests in
 * turn (the diagnostics, the stylesheets and the fonts are process-wide).
 * A worker that dies is replaced.  Connections are bounded and timed out. */
#ifndef WSDOC_SERVE_H
#define WSDOC_SERVE_H

#include <stddef.h>

/* Serve on listen ("127.0.0.1:8080", "[::1]:8080"; port 0 takes a free
 * one) until SIGINT or SIGTERM.  Says where with N-SERVE-READY on stderr.
 * Returns the exit status: 0 after a clean stop, 2 for a bad address, 3
 * when the server cannot start. */
int	serve_run(const char *listen);

/* Bounds of one request (serve.c). */
#define SERVE_MAX_BODY		(1024 * 1024 - 1)	/* a form is < 1 MB */
#define SERVE_MAX_CONNECTIONS	128	/* over all the workers */
#define SERVE_MAX_WORKERS	4	/* processes; one a CPU up to this */
#define SERVE_IDLE_SECONDS	5	/* a silent connection is closed */
#define SERVE_REQUEST_SECONDS	10	/* a body not sent by then is cut */
#define SERVE_DRAIN_SECONDS	10	/* on a stop, for the answers under way
					 * (a kept-alive idle connection ends
					 * after SERVE_IDLE_SECONDS) */

/* An answer. */
struct serve_reply {
	int		 status;	/* 200, 4xx … */
	const char	*type;		/* Content-Type */
	char		*body;		/* malloc'd; the reply frees it */
	size_t		 len;
	const char	*filename;	/* Content-Disposition, or NULL */
};

/* The API (serve_api.c).  route is the part after "/api/": check, render,
 * xml or open; body the request's bytes; name the file name the browser
 * gave (X-Wsdoc-Filename, only a label: never opened).  Fills r. */
void	serve_api(const char *route, const char *body, size_t len,
	    const char *name, struct serve_reply *r);
/* A refused request's answer: between serve_diag_begin and
 * serve_diag_reply the catalogue's messages are collected, not printed,
 * and become the JSON answer {"diagnostics": […]} with that status. */
void	serve_diag_begin(void);
void	serve_diag_reply(struct serve_reply *r, int status);

/* The pages (serve_page.c).  serve_page_init makes them once from the
 * vocabulary, the template's guidance and policy.ini (0, or -1 after a
 * diagnostic); serve_page gives the page of a path ("/", "/form/KIND"),
 * or NULL.  serve_page_csp is the Content-Security-Policy of every answer
 * (the page's one script allowed by its hash). */
int		 serve_page_init(void);
void		 serve_page_free(void);
const char	*serve_page(const char *path, size_t *len);
const char	*serve_page_csp(void);

#endif
