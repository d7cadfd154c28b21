/* xslt.c — compiles the stylesheets once and runs them with security
 * preferences that forbid writing, directory creation and the network, and
 * reading anything outside the xslt/ folder. */
#include "xslt.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "../diag/diag.h"
#include "../util/util.h"

struct sheet {
	char			*name;
	xsltStylesheetPtr	 style;
	struct sheet		*next;
};

static struct sheet *S_sheets;
static xsltSecurityPrefsPtr S_prefs;
static char *S_dir;		/* realpath of xslt/, ending in '/' */
static struct buf S_err;	/* what libxslt said during one call */

static void
S_collect(void *ctx, const char *fmt, ...)
{
	va_list ap;
	char tmp[1024];

	(void)ctx;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (S_err.len < 2000)
		buf_puts(&S_err, tmp);
}

/* Reading is allowed only below the xslt/ folder. */
static int
S_check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
    const char *value)
{
	char real[PATH_MAX], *path;
	xmlURIPtr uri;
	int ok = 0;

	(void)sec;
	if ((uri = xmlParseURI(value)) == NULL)
		return 0;
	if (uri->scheme == NULL || strcmp(uri->scheme, "file") == 0)
		path = uri->path ? uri->path : (char *)value;
	else
		path = NULL;
	if (path && realpath(path, real) != NULL)
		ok = strncmp(real, S_dir, strlen(S_dir)) == 0;
	xmlFreeURI(uri);
	if (!ok)
		xsltTransformError(ctxt, NULL, NULL,
		    "stylesheet may not read %s\n", value);
	return ok;
}

static void
S_init(void)
{
	char real[PATH_MAX], *dir;

	if (S_prefs)
		return;
	dir = data_path("xslt");
	if (realpath(dir, real) == NULL)
		snprintf(real, sizeof real, "%s", dir);
	free(dir);
	S_dir = xasprintf("%s/", real);
	S_prefs = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(S_prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(S_prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(S_prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(S_prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(S_prefs, XSLT_SECPREF_READ_FILE, S_check_read);
	/* xsl:import and xsl:include at compile time obey the defaults. */
	xsltSetDefaultSecurityPrefs(S_prefs);
	xsltSetGenericErrorFunc(NULL, S_collect);
	buf_init(&S_err);
}

static xsltStylesheetPtr
S_sheet(const char *name)
{
	struct sheet *s;
	char *path;
	xmlDocPtr doc;
	xsltStylesheetPtr style;

	for (s = S_sheets; s; s = s->next)
		if (strcmp(s->name, name) == 0)
			return s->style;
	path = data_path("xslt");
	{
		char *full = path_join(path, name);
		free(path);
		path = full;
	}
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (doc == NULL) {
		diag(F_XSLT_LOAD, path, 0, 0, name);
		free(path);
		return NULL;
	}
	buf_reset(&S_err);
	style = xsltParseStylesheetDoc(doc);
	if (style == NULL || style->errors) {
		diag(F_XSLT_LOAD, path, 0, 0, name);
		if (style)
			xsltFreeStylesheet(style);
		else
			xmlFreeDoc(doc);
		free(path);
		return NULL;
	}
	free(path);
	s = xmalloc(sizeof *s);
	s->name = xstrdup(name);
	s->style = style;
	s->next = S_sheets;
	S_sheets = s;
	return style;
}

xmlDocPtr
xslt_apply(const char *name, xmlDocPtr doc, const char **params)
{
	xsltStylesheetPtr style;
	xsltTransformContextPtr ctxt;
	xmlDocPtr res;

	S_init();
	if ((style = S_sheet(name)) == NULL)
		return NULL;
	if ((ctxt = xsltNewTransformContext(style, doc)) == NULL)
		return NULL;
	xsltSetCtxtSecurityPrefs(S_prefs, ctxt);
	buf_reset(&S_err);
	res = xsltApplyStylesheetUser(style, doc, params, NULL, NULL, ctxt);
	if (res == NULL || ctxt->state == XSLT_STATE_ERROR ||
	    ctxt->state == XSLT_STATE_STOPPED) {
		/* First line of libxslt's own words, for the developer. */
		char *nl = S_err.data ? strchr(S_err.data, '\n') : NULL;
		if (nl)
			*nl = '\0';
		diag(E_XSLT_FAIL, (const char *)doc->URL, 0, 0, name,
		    S_err.data ? S_err.data : "");
		xmlFreeDoc(res);
		res = NULL;
	}
	xsltFreeTransformContext(ctxt);
	return res;
}

void
xslt_shutdown(void)
{
	struct sheet *s, *next;

	for (s = S_sheets; s; s = next) {
		next = s->next;
		xsltFreeStylesheet(s->style);
		free(s->name);
		free(s);
	}
	S_sheets = NULL;
	if (S_prefs) {
		xsltSetDefaultSecurityPrefs(NULL);
		xsltFreeSecurityPrefs(S_prefs);
		S_prefs = NULL;
	}
	free(S_dir);
	S_dir = NULL;
	buf_free(&S_err);
}
