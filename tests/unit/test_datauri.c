/* test_datauri.c — RFC 2397 data: URIs (src/util/datauri.c): the media
 * type, base64 with line breaks, percent-encoding, the reasons a URI is
 * refused, and the size limit, which stops decoding at once however long
 * the URI is — also through the layout, for a document built in memory
 * (libxml2 reads no attribute past ten million bytes from a file, an XSLT
 * result has no such bound). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/tree.h>

#include "diag/diag.h"
#include "fo/fo.h"
#include "font/font.h"
#include "layout/area.h"
#include "layout/layout.h"
#include "util/datauri.h"
#include "util/util.h"

/* A 4×4 red PNG. */
#define RED "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR42mP4z8AARwzEcQCukw/xOF6MEQAAAABJRU5ErkJggg=="

static void
media_types(void **state)
{
	char t[64];

	(void)state;
	assert_true(datauri_is("data:,x"));
	assert_true(datauri_is("DaTa:image/png;base64,"));
	assert_false(datauri_is("dir/data:x"));
	assert_false(datauri_is(NULL));
	assert_null(datauri_type("data:IMAGE/PNG;Base64,AAAA", t, sizeof t));
	assert_string_equal(t, "image/png");
	assert_null(datauri_type("data:image/gif;name=a.gif;base64,R0lG", t, sizeof t));
	assert_string_equal(t, "image/gif");
	assert_null(datauri_type("data:,hello", t, sizeof t));
	assert_string_equal(t, "text/plain");
	assert_null(datauri_type("data:;base64,aGk=", t, sizeof t));
	assert_string_equal(t, "text/plain");
	assert_non_null(datauri_type("data:image/png;base64", t, sizeof t));
	assert_non_null(datauri_type("image/png,x", t, sizeof t));
}

/* Decode uri with the limit max; NULL-terminated copy in *out or the
 * reason. */
static const char *
S_dec(const char *uri, size_t max, char **out, size_t *n, int *large)
{
	unsigned char *d;
	const char *why = datauri_decode(uri, max, &d, n, large);

	*out = NULL;
	if (why == NULL) {
		assert_non_null(d);
		*out = xstrndup((const char *)d, *n);
		free(d);
	} else
		assert_null(d);
	return why;
}

static void
decoding(void **state)
{
	char *s;
	size_t n;
	int large;

	(void)state;
	assert_null(S_dec("data:text/plain;base64,aGVsbG8=", 100, &s, &n, &large));
	assert_string_equal(s, "hello");
	free(s);
	/* whitespace anywhere in base64, the padding left out */
	assert_null(S_dec("data:;base64, aGVs\n bG8g\r\n\td29y bGQ ", 100, &s, &n, &large));
	assert_string_equal(s, "hello world");
	free(s);
	assert_null(S_dec("data:,a%20b%2Cc%e4%B8%ad", 100, &s, &n, &large));
	assert_string_equal(s, "a b,c\xe4\xb8\xad");
	free(s);
	assert_null(S_dec("data:image/png;base64," RED, 100, &s, &n, &large));
	assert_int_equal(n, 73);
	assert_memory_equal(s, "\x89PNG\r\n\x1a\n", 8);
	free(s);
	/* refused, with the reason */
	assert_non_null(S_dec("data:;base64,aGVs!G8=", 100, &s, &n, &large));
	assert_int_equal(large, 0);
	assert_non_null(S_dec("data:;base64,aGVsb", 100, &s, &n, &large));	/* 5 characters */
	assert_non_null(S_dec("data:;base64,aG=Vs", 100, &s, &n, &large));
	assert_non_null(S_dec("data:;base64,aGVsbG8===", 100, &s, &n, &large));
	assert_non_null(S_dec("data:,a%2", 100, &s, &n, &large));
	assert_non_null(S_dec("data:,a%zz", 100, &s, &n, &large));
	assert_non_null(S_dec("data:;base64,", 100, &s, &n, &large));
	assert_non_null(S_dec("data:image/png;base64", 100, &s, &n, &large));
	assert_non_null(S_dec("http://x/a.png", 100, &s, &n, &large));
	/* exactly the limit, and one more */
	assert_null(S_dec("data:;base64,aGVsbG8=", 5, &s, &n, &large));
	free(s);
	assert_non_null(S_dec("data:;base64,aGVsbG8h", 5, &s, &n, &large));
	assert_int_equal(large, 1);
	assert_non_null(S_dec("data:,abcdef", 5, &s, &n, &large));
	assert_int_equal(large, 1);
}

/* 45 million base64 characters: 33.75 MB, over the 32 MB limit. */
static char *
S_huge(const char *head)
{
	size_t h = strlen(head), n = 45u * 1000 * 1000;
	char *u = xmalloc(h + n + 1);

	memcpy(u, head, h);
	memset(u + h, 'A', n);
	u[h + n] = '\0';
	return u;
}

static void
limit(void **state)
{
	char *u = S_huge("data:image/png;base64,");
	unsigned char *d;
	size_t n;
	int large;

	(void)state;
	assert_non_null(datauri_decode(u, DATAURI_MAX_BYTES, &d, &n, &large));
	assert_int_equal(large, 1);
	assert_null(d);
	free(u);
}

static char S_seen[1024];

static void
S_sink(const struct diag_msg *m, void *arg)
{
	(void)arg;
	snprintf(S_seen + strlen(S_seen), sizeof S_seen - strlen(S_seen),
	    "%s|", diag_entry(m->id)->code);
	if (m->id == W_LAY_GRAPHIC_LARGE)
		assert_true(utf8_count(m->text) < 200);
}

/* A document built in memory, as an XSLT result is, with a picture
 * claimed in 33.75 MB: W-LAY-GRAPHIC-LARGE, and an empty box. */
static void
layout_refuses_huge(void **state)
{
	static const char fo[] = "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'>"
	    "<fo:layout-master-set><fo:simple-page-master master-name='p'"
	    " page-width='200pt' page-height='200pt'><fo:region-body/>"
	    "</fo:simple-page-master></fo:layout-master-set>"
	    "<fo:page-sequence master-reference='p'><fo:flow flow-name='xsl-region-body'>"
	    "<fo:block><fo:external-graphic/></fo:block>"
	    "</fo:flow></fo:page-sequence></fo:root>";
	xmlDocPtr doc = xmlReadMemory(fo, (int)strlen(fo), "mem.fo", NULL, XML_PARSE_NONET);
	xmlNodePtr g = xmlDocGetRootElement(doc);
	char *u = S_huge("data:image/png;base64,");
	struct fo_tree *t;
	struct area_doc *a;

	(void)state;
	/* root → page-sequence → flow → block → external-graphic */
	g = xmlLastElementChild(g);
	g = xmlFirstElementChild(xmlFirstElementChild(xmlFirstElementChild(g)));
	assert_string_equal((const char *)g->name, "external-graphic");
	xmlSetProp(g, BAD_CAST "src", BAD_CAST u);
	free(u);
	t = fo_from_doc(doc);
	xmlFreeDoc(doc);
	assert_non_null(t);
	S_seen[0] = '\0';
	diag_set_sink(S_sink, NULL);
	a = lay_document(t, NULL);
	diag_set_sink(NULL, NULL);
	assert_string_equal(S_seen, "W-LAY-GRAPHIC-LARGE|");
	for (size_t i = 0; i < a->pages[0].nitems; i++)
		assert_int_not_equal(a->pages[0].items[i].kind, AREA_IMAGE);
	area_doc_free(a);
	fo_tree_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(media_types),
		cmocka_unit_test(decoding),
		cmocka_unit_test(limit),
		cmocka_unit_test(layout_refuses_huge),
	};
	if (fonts_init() != 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
