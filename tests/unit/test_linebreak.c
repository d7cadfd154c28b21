/* test_linebreak.c — where lines of Chinese and mixed text may break:
 * every clreq / GB/T 15834 rule at the start and the end of a line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/linebreak.h"
#include "util/util.h"

/* The marks of the rules, written out here again (not taken from the
 * implementation) so that a wrong table there fails here. */
static const char *const S_never_start[] = {
	"，", "。", "、", "；", "：", "？", "！", "．",
	"”", "’", "」", "』", "）", "》", "〉", "】", "〕", "〗", "〙", "〛",
	"］", "｝", "〞", "﹐", "﹑", "﹒", "﹔", "﹕", "﹖", "﹗",
	",", ".", ";", ":", "?", "!", ")", "]", "}",
	"·", "・", "…", "—", "⸺", "～", "％", "‰", "℃", "　",
};
static const char *const S_never_end[] = {
	"“", "‘", "「", "『", "（", "《", "〈", "【", "〔", "〖", "〘", "〚",
	"［", "｛", "〝", "(", "[", "{",
};

/* Break marks of s: "|" where a line may end, "!" where it must (not
 * after the last character, which always must). */
static char *
S_marks(const char *s, const char *lang)
{
	size_t n, i;
	uint32_t *u = utf8_to_u32(s, strlen(s), &n);
	char *brk = xmalloc(n + 1);
	struct buf b;
	char enc[4];

	buf_init(&b);
	lb_breaks(u, n, lang, brk);
	for (i = 0; i < n; i++) {
		buf_append(&b, enc, utf8_encode(u[i], enc));
		if (i + 1 == n)
			assert_int_equal(brk[i], LB_MUST);
		else if (brk[i] == LB_ALLOW)
			buf_putc(&b, '|');
		else if (brk[i] == LB_MUST)
			buf_putc(&b, '!');
		else
			assert_int_equal(brk[i], LB_NO);
	}
	free(u);
	free(brk);
	return buf_detach(&b);
}

#define assert_marks(in, want) do {				\
	char *got_ = S_marks((in), NULL);			\
	assert_string_equal(got_, (want));			\
	free(got_);						\
} while (0)

static void
empty_input_writes_nothing(void **state)
{
	uint32_t c = 0x4E2D;
	char brk[2] = { 'x', 'y' };

	(void)state;
	lb_breaks(&c, 0, "zh", brk);
	assert_int_equal(brk[0], 'x');
	assert_int_equal(brk[1], 'y');
	lb_breaks(NULL, 0, NULL, brk);
	assert_int_equal(brk[0], 'x');
}

static void
single_character_must_break_after(void **state)
{
	static const uint32_t one[] = { 0x4E2D, 'a', 0xFF0C, 0x201C, 0x2014,
	    0x20000, '\n', ' ' };
	char brk[2];

	(void)state;
	for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {
		brk[0] = 'x';
		brk[1] = 'y';
		lb_breaks(&one[i], 1, "zh", brk);
		assert_int_equal(brk[0], LB_MUST);
		assert_int_equal(brk[1], 'y');	/* nothing written past n */
	}
}

static void
break_between_any_two_hanzi(void **state)
{
	(void)state;
	assert_marks("中文排版规则", "中|文|排|版|规|则");
	assert_marks("杭州师范大学辅导员工作坊", "杭|州|师|范|大|学|辅|导|员|工|作|坊");
}

/* 中X文: no break before X (X never starts a line), a break after X. */
static void
closing_marks_never_start_a_line(void **state)
{
	char in[32], want[40];

	(void)state;
	for (size_t i = 0; i < sizeof S_never_start / sizeof *S_never_start; i++) {
		const char *x = S_never_start[i];
		snprintf(in, sizeof in, "中%s文", x);
		snprintf(want, sizeof want, "中%s|文", x);
		char *got = S_marks(in, "zh");
		if (strcmp(got, want) != 0)
			fail_msg("mark %s: got %s, want %s", x, got, want);
		free(got);
	}
}

/* 中X文: a break before X, none after it (X never ends a line). */
static void
opening_marks_never_end_a_line(void **state)
{
	char in[32], want[40];

	(void)state;
	for (size_t i = 0; i < sizeof S_never_end / sizeof *S_never_end; i++) {
		const char *x = S_never_end[i];
		snprintf(in, sizeof in, "中%s文", x);
		snprintf(want, sizeof want, "中|%s文", x);
		char *got = S_marks(in, "zh");
		if (strcmp(got, want) != 0)
			fail_msg("mark %s: got %s, want %s", x, got, want);
		free(got);
	}
}

static void
quotes_and_brackets_in_a_sentence(void **state)
{
	(void)state;
	assert_marks("他说：“你好。”我们走吧（真的）。",
	    "他|说：|“你|好。”|我|们|走|吧|（真|的）。");
	assert_marks("见《辅导员工作坊建设管理办法》第四条。",
	    "见|《辅|导|员|工|作|坊|建|设|管|理|办|法》|第|四|条。");
	/* runs of closing and of opening marks stay together */
	assert_marks("好。”）》文", "好。”）》|文");
	assert_marks("文（《“「好", "文|（《“「好");
	assert_marks("‘甲’、‘乙’", "‘甲’、|‘乙’");
	assert_marks("「『文』」", "「『文』」");
	/* a closing mark followed by an opening one: the break goes between */
	assert_marks("（甲）（乙）", "（甲）|（乙）");
	assert_marks("【一】〔二〕〖三〗", "【一】|〔二〕|〖三〗");
}

static void
dash_pairs_never_split(void **state)
{
	(void)state;
	assert_marks("他说——好的", "他|说——|好|的");
	assert_marks("——开头", "——|开|头");
	assert_marks("甲————乙", "甲————|乙");
	/* U+2E3A TWO-EM DASH is one character */
	assert_marks("甲⸺乙", "甲⸺|乙");
	assert_marks("（——中）", "（——|中）");
	assert_marks("中——，中", "中——，|中");
	/* a single em dash as the connector of a range */
	assert_marks("1949—2026年", "1949—|2026|年");
}

static void
ellipsis_pairs_never_split(void **state)
{
	(void)state;
	assert_marks("等等……好", "等|等……|好");
	assert_marks("……开头", "……|开|头");
	assert_marks("他……。”好", "他……。”|好");
	assert_marks("甲…………乙", "甲…………|乙");
	assert_marks("好！……", "好！……");
}

static void
middle_dot_never_starts_a_line(void **state)
{
	(void)state;
	assert_marks("阿沛·阿旺晋美", "阿|沛·|阿|旺|晋|美");
	assert_marks("约翰・史密斯", "约|翰・|史|密|斯");
}

static void
latin_words_and_numbers_stay_whole(void **state)
{
	(void)state;
	assert_marks("2026年11月23日", "2026|年|11|月|23|日");
	assert_marks("第3条第12款", "第|3|条|第|12|款");
	assert_marks("圆周率3.14159很长", "圆|周|率|3.14159|很|长");
	assert_marks("有50%的人", "有|50%|的|人");
	assert_marks("共3,000元", "共|3,000|元");
	assert_marks("日期2026-11-23", "日|期|2026-11-23");
	assert_marks("使用Python编程", "使|用|Python|编|程");
	assert_marks("A4纸12pt字", "A4|纸|12pt|字");
	assert_marks("Hello world", "Hello |world");
	assert_marks("don't stop", "don't |stop");
	assert_marks("¥100元", "¥100|元");
}

static void
fullwidth_digits_and_letters_stay_whole(void **state)
{
	(void)state;
	assert_marks("２０２６年", "２０２６|年");
	assert_marks("约３．１４倍", "约|３．１４|倍");
	assert_marks("共３，０００元", "共|３，０００|元");
	assert_marks("有５０％的", "有|５０％|的");
	assert_marks("ＰＤＦ文件", "ＰＤＦ|文|件");
}

/* A URL breaks only after a slash or a dot, never inside a word. */
static void
urls_break_only_after_slash_or_dot(void **state)
{
	const char *s = "访问http://www.hznu.edu.cn/xgb/index.html了解";
	size_t n, i;
	uint32_t *u = utf8_to_u32(s, strlen(s), &n);
	char brk[64];

	(void)state;
	assert_true(n < sizeof brk);
	lb_breaks(u, n, "zh", brk);
	/* "访问" 0..1, the URL 2..41, "了解" 42..43 */
	assert_int_equal(u[2], 'h');
	assert_int_equal(u[n - 2], 0x4E86);
	assert_int_equal(brk[n - 3], LB_ALLOW);	/* …html|了 */
	for (i = 2; i < n - 3; i++) {
		if (brk[i] == LB_ALLOW)
			assert_true(u[i] == '/' || u[i] == '.');
		else
			assert_int_equal(brk[i], LB_NO);
	}
	free(u);
}

static void
spaces_break_after_not_before(void **state)
{
	(void)state;
	assert_marks("a b", "a |b");
	assert_marks("a   b", "a   |b");
	assert_marks("中 文", "中 |文");
	assert_marks("a\xC2\xA0" "b", "a\xC2\xA0" "b");	/* no-break space */
	/* the ideographic space of 年　月　日 */
	assert_marks("年　月　日", "年　|月　|日");
	assert_marks("好 ，", "好 ，");
}

static void
newlines_must_break(void **state)
{
	(void)state;
	assert_marks("甲\n乙", "甲\n!乙");
	assert_marks("甲\r\n乙", "甲\r\n!乙");
	assert_marks("甲\n\n乙", "甲\n!\n!乙");
	assert_marks("甲\xE2\x80\xA8乙", "甲\xE2\x80\xA8!乙");	/* U+2028 */
	/* a mandatory break wins over the rules: ， can follow a newline */
	assert_marks("“\n，", "“\n!，");
}

static void
characters_above_the_bmp(void **state)
{
	static const uint32_t odd[] = { 0x20000, 0xD800, 0x110000, 0xFFFFFFFF,
	    0x1F600, 0xFF0C, 0 };
	char brk[8];

	(void)state;
	assert_marks("𠀀𠀁𠀂中文", "𠀀|𠀁|𠀂|中|文");
	assert_marks("𪚥，𪚥", "𪚥，|𪚥");
	assert_marks("“𠀀”", "“𠀀”");
	/* values that are not characters never crash, and end with a break */
	lb_breaks(odd, 7, "zh", brk);
	assert_int_equal(brk[6], LB_MUST);
	for (int i = 0; i < 6; i++)
		assert_true(brk[i] == LB_NO || brk[i] == LB_ALLOW ||
		    brk[i] == LB_MUST);
	assert_int_equal(brk[4], LB_NO);	/* still nothing before ， */
}

/* U+FFFC stands for a leader or an image inside a line (src/layout): a
 * break on both sides, but never after an opening or before a closing
 * mark. */
static void
objects_break_like_ideographs(void **state)
{
	(void)state;
	assert_marks("签\xEF\xBF\xBC名", "签|\xEF\xBF\xBC|名");
	assert_marks("a\xEF\xBF\xBC" "b", "a|\xEF\xBF\xBC|b");
	assert_marks("（\xEF\xBF\xBC）", "（\xEF\xBF\xBC）");
	assert_marks("日\xEF\xBF\xBC，", "日|\xEF\xBF\xBC，");
	assert_marks("\xEF\xBF\xBC\xEF\xBF\xBC", "\xEF\xBF\xBC|\xEF\xBF\xBC");
}

static void
language_tag_variants_agree(void **state)
{
	const char *s = "他说：“2026年，好——”（见《办法》）";
	char *a = S_marks(s, NULL), *b = S_marks(s, "zh"),
	    *c = S_marks(s, "zh-CN"), *d = S_marks(s, "zh-Hans-CN");

	(void)state;
	assert_string_equal(a, b);
	assert_string_equal(a, c);
	assert_string_equal(a, d);
	free(a); free(b); free(c); free(d);
}

static int
S_in(uint32_t c, const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t d;
		utf8_decode(set[i], strlen(set[i]), &d);
		if (c == d)
			return 1;
	}
	return 0;
}

/* Random strings from a pool of hanzi, marks, Latin and spaces: no break
 * ever puts a never-start mark first or a never-end mark last. */
static void
random_text_obeys_every_rule(void **state)
{
	static const char pool[] = "中文甲乙ab1 ，。、；：？！“”‘’（）《》〈〉"
	    "【】「」『』…—·\n２．";
	size_t np, i, k;
	uint32_t *p = utf8_to_u32(pool, strlen(pool), &np);
	uint32_t text[200];
	char brk[200];
	unsigned seed = 12345;

	(void)state;
	for (int round = 0; round < 2000; round++) {
		size_t n = 1 + round % 200;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = p[(seed >> 16) % np];
		}
		lb_breaks(text, n, "zh", brk);
		assert_int_equal(brk[n - 1], LB_MUST);
		for (k = 0; k + 1 < n; k++) {
			if (text[k] == '\n')
				assert_int_equal(brk[k], LB_MUST);
			if (brk[k] != LB_ALLOW)
				continue;
			if (S_in(text[k + 1], S_never_start,
			    sizeof S_never_start / sizeof *S_never_start))
				fail_msg("break before U+%04X", text[k + 1]);
			if (S_in(text[k], S_never_end,
			    sizeof S_never_end / sizeof *S_never_end))
				fail_msg("break after U+%04X", text[k]);
		}
	}
	free(p);
}

static void
is_cjk(void **state)
{
	(void)state;
	assert_true(lb_is_cjk(0x4E2D));		/* 中 */
	assert_true(lb_is_cjk(0x3400));		/* extension A */
	assert_true(lb_is_cjk(0x20000));	/* extension B */
	assert_true(lb_is_cjk(0x2A6A5));	/* 𪚥 */
	assert_true(lb_is_cjk(0xF900));
	assert_true(lb_is_cjk(0x3002));		/* 。 */
	assert_true(lb_is_cjk(0x3000));		/* ideographic space */
	assert_true(lb_is_cjk(0xFF0C));		/* ， */
	assert_true(lb_is_cjk(0xFF11));		/* １ */
	assert_true(lb_is_cjk(0x201C));		/* “ */
	assert_true(lb_is_cjk(0x2014));		/* — */
	assert_true(lb_is_cjk(0x2026));		/* … */
	assert_false(lb_is_cjk('a'));
	assert_false(lb_is_cjk('1'));
	assert_false(lb_is_cjk(' '));
	assert_false(lb_is_cjk(0xE9));		/* é */
	assert_false(lb_is_cjk(0xFF61));	/* half-width ｡ */
	assert_false(lb_is_cjk(0x1F600));	/* emoji */
	assert_false(lb_is_cjk(0x110000));
}

/* Inside a URL a line may end after / . - that more of the URL follows
 * (issue 14 item 6; UAX #14 itself allows it after the scheme's //): not
 * between two of them, not before a trailing full stop, not in an
 * ordinary dotted word. */
static void
urls_break_after_slash_dot_hyphen(void **state)
{
	(void)state;
	assert_marks("见https://xgb.hznu.edu.cn/a-b/c.html。",
	    "见|https://|xgb.|hznu.|edu.|cn/|a-|b/|c.|html。");
	assert_marks("www.example.org/x-y.", "www.example.|org/|x-|y.");
	assert_marks("e.g. v1.2-beta", "e.g. |v1.2-|beta");
}

/* The blank half of full-width marks, mainland convention; Han and Latin
 * for the CJK-Latin space (issue 16). */
static void
punctuation_classes(void **state)
{
	static const uint32_t open[] = { 0xFF08, 0x201C, 0x2018, 0x300A,
	    0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3008 };
	static const uint32_t close[] = { 0xFF09, 0x201D, 0x2019, 0x300B,
	    0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3009 };
	static const uint32_t stop[] = { 0x3001, 0x3002, 0xFF0C, 0xFF1A,
	    0xFF1B, 0xFF01, 0xFF1F, 0xFF0E };
	static const uint32_t none[] = { 0x2014, 0x2026, 0xB7, 0x4E2D, 'a',
	    '(', ')', ',', 0x3000, 0x30FB };

	(void)state;
	for (size_t i = 0; i < sizeof open / sizeof *open; i++)
		assert_int_equal(lb_punct(open[i]), LB_P_OPEN);
	for (size_t i = 0; i < sizeof close / sizeof *close; i++)
		assert_int_equal(lb_punct(close[i]), LB_P_CLOSE);
	for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
		assert_int_equal(lb_punct(stop[i]), LB_P_STOP);
	for (size_t i = 0; i < sizeof none / sizeof *none; i++)
		assert_int_equal(lb_punct(none[i]), LB_P_NONE);
	assert_true(lb_is_han(0x4E2D) && lb_is_han(0x3400) &&
	    lb_is_han(0x20000) && lb_is_han(0x3007));
	assert_false(lb_is_han(0x3002) || lb_is_han(0xFF11) || lb_is_han('a'));
	assert_true(lb_is_alnum('a') && lb_is_alnum('Z') && lb_is_alnum('7') &&
	    lb_is_alnum(0xE9) && lb_is_alnum(0x3B1) && lb_is_alnum(0x436));
	assert_false(lb_is_alnum(0xFF11) || lb_is_alnum('%') ||
	    lb_is_alnum(0xD7) || lb_is_alnum(0x4E2D) || lb_is_alnum(' '));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_input_writes_nothing),
		cmocka_unit_test(single_character_must_break_after),
		cmocka_unit_test(break_between_any_two_hanzi),
		cmocka_unit_test(closing_marks_never_start_a_line),
		cmocka_unit_test(opening_marks_never_end_a_line),
		cmocka_unit_test(quotes_and_brackets_in_a_sentence),
		cmocka_unit_test(dash_pairs_never_split),
		cmocka_unit_test(ellipsis_pairs_never_split),
		cmocka_unit_test(middle_dot_never_starts_a_line),
		cmocka_unit_test(latin_words_and_numbers_stay_whole),
		cmocka_unit_test(fullwidth_digits_and_letters_stay_whole),
		cmocka_unit_test(urls_break_only_after_slash_or_dot),
		cmocka_unit_test(spaces_break_after_not_before),
		cmocka_unit_test(newlines_must_break),
		cmocka_unit_test(characters_above_the_bmp),
		cmocka_unit_test(objects_break_like_ideographs),
		cmocka_unit_test(language_tag_variants_agree),
		cmocka_unit_test(random_text_obeys_every_rule),
		cmocka_unit_test(is_cjk),
		cmocka_unit_test(urls_break_after_slash_dot_hyphen),
		cmocka_unit_test(punctuation_classes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
