/* xml_read.c — the XML reader for untrusted files: nothing outside the
 * file is ever read (no DTD, no entity, no network), entity declarations
 * are refused outright (so no expansion bomb can start), libxml2's limits
 * on depth and text size are kept, and its errors become catalogue
 * messages with line and column. */
#include "input.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "input_priv.h"

struct xstate {
	const char	*url;
	int		 reported;	/* an error was printed: the doc is refused */
	int		 conv_failed;	/* bytes not in the declared encoding */
};

/* The loader refuses everything while one of our parses runs on this
 * thread, and leaves other readers (schemas, stylesheets) alone. */
static _Thread_local int S_refusing;
static xmlExternalEntityLoader S_prev_loader;
static pthread_once_t S_loader_once = PTHREAD_ONCE_INIT;

static xmlParserInputPtr
S_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	if (S_refusing || S_prev_loader == NULL)
		return NULL;
	return S_prev_loader(url, id, ctxt);
}

static void
S_install_loader(void)
{
	S_prev_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(S_loader);
}

static struct xstate *
S_state(void *ctx)
{
	return ((xmlParserCtxtPtr)ctx)->_private;
}

/* Column of the '<' of the start tag just read: libxml2 calls us with
 * the position after its '>', so step back within the buffer. */
static void
S_mark(xmlParserCtxtPtr ctxt, xmlNodePtr node)
{
	xmlParserInputPtr in = ctxt->input;
	const xmlChar *p;
	int col, line, nl = 0;

	if (node == NULL || in == NULL || in->cur == NULL || in->base == NULL)
		return;
	col = in->col;
	line = in->line;
	for (p = in->cur; p > in->base && p[-1] != '<'; p--)
		if (p[-1] == '\n')
			nl++;
	if (p == in->base) {	/* not in the buffer any more */
		diag_node_set_col(node, col);
		return;
	}
	p--;			/* at '<' */
	if (nl == 0) {
		for (const xmlChar *q = p; q < in->cur; q++)
			if ((*q & 0xC0) != 0x80)
				col--;
	} else {
		const xmlChar *q = p;
		while (q > in->base && q[-1] != '\n')
			q--;
		col = 1;
		for (; q < p; q++)
			if ((*q & 0xC0) != 0x80)
				col++;
		line -= nl;
		if (line > 0 && line < 65535)
			node->line = line;
	}
	diag_node_set_col(node, col < 1 ? 1 : col);
}

static void
S_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_ns, const xmlChar **ns, int nb_attrs,
    int nb_defaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr ctxt = ctx;

	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_ns, ns, nb_attrs,
	    nb_defaulted, attrs);
	S_mark(ctxt, ctxt->node);
}

/* Stop reading, gently: xmlStopParser() would free the input under the
 * caller's feet. */
static void
S_stop(xmlParserCtxtPtr ctxt)
{
	S_state(ctxt)->reported = 1;
	ctxt->disableSAX = 1;
	ctxt->instate = XML_PARSER_EOF;
	ctxt->wellFormed = 0;
}

/* Line and column of the "<!ENTITY" just read. */
static void
S_decl_pos(xmlParserCtxtPtr ctxt, int *line, int *col)
{
	xmlParserInputPtr in = ctxt->input;
	const xmlChar *p;

	*line = in ? in->line : 0;
	*col = in ? in->col : 0;
	if (in == NULL || in->cur == NULL || in->base == NULL)
		return;
	for (p = in->cur; p > in->base; p--) {
		if (p[-1] == '\n')
			return;		/* the declaration spans lines */
		if (p[-1] == '<' && p[0] == '!')
			break;
	}
	if (p == in->base)
		return;
	for (const xmlChar *q = p - 1; q < in->cur; q++)
		if ((*q & 0xC0) != 0x80)
			(*col)--;
}

static void
S_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *pub,
    const xmlChar *sys, xmlChar *content)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xstate *st = S_state(ctx);
	int line, col;

	if (!st->reported) {
		S_decl_pos(ctxt, &line, &col);
		diag(E_XML_ENTITY_DECL, st->url, line, col < 1 ? 1 : col,
		    (const char *)name);
	}
	S_stop(ctxt);
}

static void
S_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ext,
    const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xstate *st = S_state(ctx);

	if (ext || sys)
		diag(W_XML_DTD_IGNORED, st->url,
		    ctxt->input ? ctxt->input->line : 0,
		    ctxt->input ? ctxt->input->col : 0,
		    (const char *)(sys ? sys : ext));
	xmlSAX2InternalSubset(ctx, name, NULL, NULL);
}

static void
S_external_subset(void *ctx, const xmlChar *name, const xmlChar *ext,
    const xmlChar *sys)
{
	/* never loaded */
}

static xmlParserInputPtr
S_resolve(void *ctx, const xmlChar *pub, const xmlChar *sys)
{
	return NULL;
}

static void
S_quiet(void *ctx, const char *msg, ...)
{
}

/* Only white space left after where the parser stopped: the file ends
 * too early (a truncated file), rather than holding a mistake. */
static int
S_at_end(xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr in = ctxt->input;

	if (in == NULL || in->cur == NULL || in->end == NULL)
		return 0;
	for (const xmlChar *p = in->cur; p < in->end; p++)
		if (!isspace(*p))
			return 0;
	return 1;
}

static void
S_error(void *ctx, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xstate *st;
	const char *s1, *s2;
	int line, col;

	if (ctxt == NULL || err == NULL || ctxt->_private == NULL)
		return;
	st = S_state(ctxt);
	if (err->level == XML_ERR_WARNING || st->reported)
		return;
	st->reported = 1;
	line = err->line;
	col = err->int2;
	s1 = err->str1 ? err->str1 : "";
	s2 = err->str2 ? err->str2 : "";

	switch (err->code) {
	case XML_I18N_CONV_FAILED:
		st->conv_failed = 1;	/* placed after the parse */
		break;
	case XML_I18N_NO_HANDLER:
	case XML_I18N_NO_NAME:
		diag(E_XML_ENCODING_UNKNOWN, st->url, line, col, s1);
		break;
	case XML_ERR_NO_MEMORY:
		if (err->message && strstr(err->message, "huge text"))
			diag(E_XML_HUGE_TEXT, st->url, line, col);
		else
			diag(F_SYS_XML_MEMORY, st->url, line, col);
		break;
	case XML_ERR_INTERNAL_ERROR:
		if (err->message && strstr(err->message, "Excessive depth"))
			diag(E_XML_DEPTH, st->url, line, col,
			    (int)xmlParserMaxDepth);
		else
			diag(E_XML_SYNTAX, st->url, line, col, err->code);
		break;
	case XML_ERR_DOCUMENT_EMPTY:
		diag(E_XML_NO_ROOT, st->url, line, col);
		break;
	case XML_ERR_DOCUMENT_END:
		diag(E_XML_EXTRA, st->url, line, col);
		break;
	case XML_ERR_TAG_NAME_MISMATCH:
		diag(E_XML_MISMATCH, st->url, line, col, s2, err->int1, s1);
		break;
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_HEX_CHARREF:
	case XML_ERR_INVALID_CHARREF:
		diag(E_XML_CHAR, st->url, line, col);
		break;
	case XML_ERR_INVALID_ENCODING:
		diag(E_XML_BAD_BYTES, st->url, line, col);
		break;
	case XML_ERR_UNKNOWN_ENCODING:
	case XML_ERR_UNSUPPORTED_ENCODING:
		diag(E_XML_ENCODING_UNKNOWN, st->url, line, col, s1);
		break;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		diag(E_XML_ENTITY_UNDEF, st->url, line, col, s1);
		break;
	case XML_ERR_ENTITY_LOOP:
	case XML_ERR_ENTITY_PE_INTERNAL:
	case XML_ERR_ENTITY_BOUNDARY:
		diag(E_XML_ENTITY_DECL, st->url, line, col, s1);
		break;
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
	case XML_ERR_ENTITYREF_NO_NAME:
		diag(E_XML_AMP, st->url, line, col);
		break;
	case XML_ERR_LT_IN_ATTRIBUTE:
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
	case XML_ERR_LITERAL_NOT_STARTED:
	case XML_ERR_LITERAL_NOT_FINISHED:
	case XML_ERR_EQUAL_REQUIRED:
		/* an attribute past libxml2's ten million bytes (a huge
		 * data: URI) is not badly written */
		if (err->message && strstr(err->message, "too long"))
			diag(E_XML_HUGE_TEXT, st->url, line, col);
		else if (S_at_end(ctxt))
			diag(E_XML_TRUNCATED, st->url, line, col);
		else
			diag(E_XML_ATTR, st->url, line, col);
		break;
	case XML_ERR_HYPHEN_IN_COMMENT:
		diag(E_XML_COMMENT, st->url, line, col);
		break;
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
	case XML_NS_ERR_QNAME:
	case XML_NS_ERR_XML_NAMESPACE:
	case XML_NS_ERR_EMPTY:
		diag(E_XML_NAMESPACE, st->url, line, col);
		break;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		diag(E_XML_ATTR_TWICE, st->url, line, col, s1);
		break;
	case XML_ERR_TAG_NOT_FINISHED:
	case XML_ERR_GT_REQUIRED:
	case XML_ERR_LTSLASH_REQUIRED:
	case XML_ERR_NAME_REQUIRED:
	case XML_ERR_COMMENT_NOT_FINISHED:
	case XML_ERR_CDATA_NOT_FINISHED:
	case XML_ERR_PI_NOT_FINISHED:
	case XML_ERR_SPACE_REQUIRED:
		if (err->code == XML_ERR_TAG_NOT_FINISHED || S_at_end(ctxt))
			diag(E_XML_TRUNCATED, st->url, line, col);
		else if (err->code == XML_ERR_NAME_REQUIRED && err->message &&
		    strstr(err->message, "EntityRef"))
			diag(E_XML_AMP, st->url, line, col);
		else if (err->code == XML_ERR_NAME_REQUIRED)
			diag(E_XML_LT, st->url, line, col);
		else
			diag(E_XML_SYNTAX, st->url, line, col, err->code);
		break;
	case XML_ERR_RESERVED_XML_NAME:
	case XML_ERR_XMLDECL_NOT_STARTED:
	case XML_ERR_XMLDECL_NOT_FINISHED:
	case XML_ERR_VERSION_MISSING:
		diag(E_XML_DECL, st->url, line, col);
		break;
	case XML_ERR_EXT_ENTITY_STANDALONE:
	case XML_ERR_UNPARSED_ENTITY:
	case XML_ERR_ENTITY_IS_EXTERNAL:
	case XML_IO_LOAD_ERROR:
		diag(E_XML_ENTITY_DECL, st->url, line, col, s1);
		break;
	default:
		diag(E_XML_SYNTAX, st->url, line, col, err->code);
		break;
	}
	/* No xmlStopParser() here: it frees the input buffer, which an
	 * encoding switch in progress still uses.  After a fatal error
	 * libxml2 stops calling SAX by itself; later errors are not shown. */
	(void)s2;
}

/* The encoding the prolog declares, into buf ("" if none). */
static void
S_declared_encoding(const char *p, size_t n, char *buf, size_t bn)
{
	size_t i = 0, end;

	buf[0] = '\0';
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (n - i < 5 || memcmp(p + i, "<?xml", 5) != 0)
		return;
	for (end = i; end + 1 < n && end < i + 512; end++)
		if (p[end] == '?' && p[end + 1] == '>')
			break;
	for (size_t k = i; k + 8 < end; k++) {
		if (memcmp(p + k, "encoding", 8) != 0)
			continue;
		k += 8;
		while (k < end && (p[k] == ' ' || p[k] == '=' || p[k] == '\t'))
			k++;
		if (k >= end || (p[k] != '"' && p[k] != '\''))
			return;
		char q = p[k++];
		size_t j = 0;
		while (k < end && p[k] != q && j + 1 < bn)
			buf[j++] = p[k++];
		buf[j] = '\0';
		return;
	}
}

/* Where bytes stop being text of the declared encoding: convert with
 * iconv up to the failure and count lines and characters of the text
 * before it. */
static void
S_conv_failed(const char *data, size_t len, const char *enc, const char *url)
{
	iconv_t cd = enc[0] ? iconv_open("UTF-8", enc) : (iconv_t)-1;
	int line = 0, col = 0;

	if (cd != (iconv_t)-1) {
		size_t cap = len * 4 + 4, left = cap - 1, inleft = len;
		char *out = xmalloc(cap), *op = out, *ip = (char *)data;
		if (iconv(cd, &ip, &inleft, &op, &left) == (size_t)-1 && inleft) {
			*op = '\0';
			input_pos(out, (size_t)(op - out), &line, &col);
		}
		iconv_close(cd);
		free(out);
	}
	diag(E_XML_BAD_BYTES, url, line, col);
}

xmlDocPtr
input_read_xml_mem(const char *data, size_t len, const char *url)
{
	struct xstate st = { url, 0, 0 };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	xmlStructuredErrorFunc old_serror = xmlStructuredError;
	void *old_sctx = xmlStructuredErrorContext;
	xmlGenericErrorFunc old_gerror = xmlGenericError;
	void *old_gctx = xmlGenericErrorContext;
	char enc[64];
	int utf16 = len >= 2 && (((unsigned char)data[0] == 0xFF &&
	    (unsigned char)data[1] == 0xFE) || ((unsigned char)data[0] == 0xFE &&
	    (unsigned char)data[1] == 0xFF));

	if (len > INT32_MAX) {
		diag(F_IO_OPEN, url, 0, 0, errno_text(EFBIG));
		return NULL;
	}
	/* Undeclared or UTF-8: we can name the first bad byte exactly. */
	S_declared_encoding(data, len, enc, sizeof enc);
	if (!utf16 && (enc[0] == '\0' || strcasecmp(enc, "UTF-8") == 0 ||
	    strcasecmp(enc, "UTF8") == 0)) {
		size_t bad = utf8_invalid_at(data, len);
		if (bad != (size_t)-1) {
			int line, col;
			input_pos(data, bad, &line, &col);
			diag(E_XML_ENCODING, url, line, col,
			    (unsigned char)data[bad]);
			return NULL;
		}
	}

	pthread_once(&S_loader_once, S_install_loader);
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		diag(F_SYS_XML_MEMORY, url, 0, 0);
		return NULL;
	}
	ctxt->_private = &st;
	ctxt->sax->startElementNs = S_start;
	ctxt->sax->entityDecl = S_entity_decl;
	ctxt->sax->internalSubset = S_internal_subset;
	ctxt->sax->externalSubset = S_external_subset;
	ctxt->sax->resolveEntity = S_resolve;
	ctxt->sax->serror = S_error;
	ctxt->sax->error = S_quiet;
	ctxt->sax->warning = S_quiet;
	ctxt->sax->fatalError = S_quiet;
	ctxt->vctxt.error = S_quiet;
	ctxt->vctxt.warning = S_quiet;

	S_refusing++;
	xmlSetStructuredErrorFunc(ctxt, S_error);
	xmlSetGenericErrorFunc(NULL, S_quiet);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, url, NULL,
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	xmlSetGenericErrorFunc(old_gctx, old_gerror);
	xmlSetStructuredErrorFunc(old_sctx, old_serror);
	S_refusing--;

	if (st.conv_failed)
		S_conv_failed(data, len, enc, url);
	if (!st.reported && (doc == NULL || !ctxt->wellFormed))
		diag(E_XML_SYNTAX, url, 0, 0, ctxt->errNo);
	if (st.reported || !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (xmlDocGetRootElement(doc) == NULL) {
		diag(E_XML_NO_ROOT, url, 0, 0);
		xmlFreeDoc(doc);
		doc = NULL;
	}
	/* libxml2 keeps the URL %-escaped (xmlPathToURI); messages print
	 * it, so keep the path as given (Chinese file names). */
	if (doc) {
		xmlFree((xmlChar *)doc->URL);
		doc->URL = xmlStrdup(BAD_CAST url);
	}
	ctxt->_private = NULL;
	xmlFreeParserCtxt(ctxt);
	return doc;
}
