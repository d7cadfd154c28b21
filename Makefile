# wsdoc — build, set-up, demo, tests.
#
#   make            build/wsdoc
#   make deps       install the Debian packages wsdoc needs (as root), or say how
#   make demo       deps, build, then render samples/ into out/
#   make check      deps, build with -Werror, run every test
#   make bench      performance figures (not a test)
#   make install    PREFIX=/usr/local DESTDIR=
#
# BUILD=dir builds elsewhere (each worktree or sanitizer build its own).

PREFIX	?= /usr/local
DESTDIR	?=
BUILD	?= build
CC	?= cc
VERSION	:= 0.1

# Every library through pkg-config; libharu and iniparser ship no .pc file
# on Debian 12, so their flags fall back to the Debian paths.
PKGS	:= libxml-2.0 libxslt libexslt harfbuzz harfbuzz-subset fontconfig freetype2 libunibreak libpng libdeflate zlib
# libzip: its header only; src/input/include.c opens it (dlopen) when a
# .docx comes, not every run.
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) libzip 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
HPDF_CFLAGS := $(shell pkg-config --cflags libhpdf 2>/dev/null)
HPDF_LIBS   := $(shell pkg-config --libs libhpdf 2>/dev/null || echo -lhpdf)
INI_CFLAGS  := $(shell pkg-config --cflags iniparser 2>/dev/null || echo -I/usr/include/iniparser)
# wsdoc serve loads libmicrohttpd (and the GnuTLS it brings) when it starts,
# so no other command maps them: only its header at build time.
MHD_CFLAGS  := $(shell pkg-config --cflags libmicrohttpd 2>/dev/null)
INI_LIBS    := $(shell pkg-config --libs iniparser 2>/dev/null || echo -liniparser)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARN	:= -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
	   -Wno-unused-parameter -Wformat=2 -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN	+= -Werror
endif
OPT	?= -O2 -g
ifeq ($(FUZZ),1)
OPT	:= -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all
LDSAN	:= -fsanitize=address,undefined
endif
ifeq ($(SAN),1)
OPT	:= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDSAN	:= -fsanitize=address,undefined
endif
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) -MMD -MP \
	-DWSDOC_VERSION='"$(VERSION)"' \
	$(PKG_CFLAGS) $(HPDF_CFLAGS) $(INI_CFLAGS) $(MHD_CFLAGS) $(CFLAGS)
ALL_LIBS := $(PKG_LIBS) $(HPDF_LIBS) $(INI_LIBS) -lm $(LDSAN) $(LDFLAGS)

SRCS	:= $(sort $(wildcard src/*/*.c))
MAIN	:= src/cli/main.c
OBJS	:= $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRCS))
LIBOBJS	:= $(filter-out $(BUILD)/obj/cli/main.o,$(OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
TOOL_BINS := $(patsubst tests/tools/%.c,$(BUILD)/tools/%,$(sort $(wildcard tests/tools/*.c)))

# Debian packages: to build and run, then what only the tests need.
DEB_PKGS := gcc make pkg-config libxml2-dev libxslt1-dev libhpdf-dev \
	libiniparser-dev libharfbuzz-dev libfontconfig-dev libunibreak-dev libdeflate-dev zlib1g-dev \
	libmicrohttpd-dev libzip-dev \
	fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-arphic-uming \
	fonts-wqy-microhei fonts-liberation2
TEST_PKGS := libcmocka-dev poppler-utils qpdf libxml2-utils groff-base chromium valgrind strace \
	curl nodejs

.PHONY: fuzz fuzz-run deps-fuzz all deps deps-fop demo check test unit bench bench-fop install uninstall clean golden-update

all: $(BUILD)/wsdoc

# Rebuild everything when the flags change (check adds -Werror).
$(BUILD)/.flags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CC) $(ALL_CFLAGS)' | cmp -s - $@ || echo '$(CC) $(ALL_CFLAGS)' > $@
FORCE:

$(BUILD)/obj/%.o: src/%.c $(BUILD)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/wsdoc: $(OBJS)
	$(CC) $(OBJS) -o $@ $(ALL_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJS) $(BUILD)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc $< $(LIBOBJS) -o $@ $(ALL_LIBS) $(CMOCKA_LIBS)

# Small programs the script tests use (tests/tools/*.c).
$(BUILD)/tools/%: tests/tools/%.c $(BUILD)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< -o $@ $(shell pkg-config --libs libpng zlib 2>/dev/null || echo -lpng -lz)

-include $(OBJS:.o=.d) $(UNIT_BINS:=.d)

deps:
	@missing=$$(for p in $(DEB_PKGS) $(TEST_PKGS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; \
	done | tr '\n' ' '); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "deps: installing $$missing"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q --no-install-recommends $$missing || exit 1; \
	else \
		echo "deps: missing packages; run as root:"; \
		echo "  apt-get install $$missing"; \
		exit 1; \
	fi

# After deps, a new make: its flags are asked of pkg-config only now, when
# the packages deps installed exist (on a fresh machine they did not when
# this make read the Makefile).
demo: deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh $(BUILD)/wsdoc

# The suite twice — as built, then under ASan+UBSan — and a valgrind leak
# check of the end-to-end runs; the last line totals them.
SAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
check: deps
	@$(MAKE) --no-print-directory WERROR=1 all $(UNIT_BINS) $(TOOL_BINS)
	@rm -f $(BUILD)/.counts
	@sh tests/run.sh $(BUILD); s1=$$?; \
	$(MAKE) --no-print-directory -s SAN=1 WERROR=1 BUILD=$(BUILD)/asan \
		$(BUILD)/asan/wsdoc $(UNIT_BINS:$(BUILD)/%=$(BUILD)/asan/%) \
		$(TOOL_BINS:$(BUILD)/%=$(BUILD)/asan/%) || exit 1; \
	rm -f $(BUILD)/asan/.counts; \
	$(SAN_ENV) SANITIZE=1 LABEL=asan sh tests/run.sh $(BUILD)/asan; s2=$$?; \
	cat $(BUILD)/asan/.counts >> $(BUILD)/.counts; \
	sh tests/valgrind.sh $(BUILD); s3=$$?; \
	awk '{p += $$1; f += $$2; k += $$3} END {print "total: " p " passed, " f " failed, " k " skipped"}' $(BUILD)/.counts; \
	[ $$s1 -eq 0 ] && [ $$s2 -eq 0 ] && [ $$s3 -eq 0 ]

# Only the plain suite, for a quick look while working.
test: deps
	@$(MAKE) --no-print-directory WERROR=1 all $(UNIT_BINS) $(TOOL_BINS)
	@sh tests/run.sh $(BUILD)

golden-update: all
	@UPDATE=1 sh tests/run.sh $(BUILD)

bench: deps
	@$(MAKE) --no-print-directory deps DEB_PKGS=time TEST_PKGS=
	@$(MAKE) --no-print-directory all $(BUILD)/bench_fo $(BUILD)/tools/httpc
	@sh tests/bench.sh $(BUILD)
	@sh tests/bench-publish.sh $(BUILD)
	@sh tests/bench-serve.sh $(BUILD)

# The bench harness: in-process batches of the FO engine (tests/bench).
$(BUILD)/bench_fo: tests/bench/bench_fo.c $(LIBOBJS) $(BUILD)/.flags
	$(CC) $(ALL_CFLAGS) -Isrc $< $(LIBOBJS) -o $@ $(ALL_LIBS) -lz

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with clang into
# build/fuzz; each runs FUZZ_TIME seconds on a corpus seeded from samples/
# and tests/.  What they find lands in tests/fuzz/found/ to become tests.
# FUZZ_KINDS="fo" runs only that harness (kinds: ini xml fo roster).
FUZZ_TIME ?= 60
FUZZ_KINDS ?= ini xml fo roster
FUZZ_PKGS := clang libclang-rt-14-dev
deps-fuzz:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(FUZZ_PKGS)" TEST_PKGS=
fuzz: deps deps-fuzz
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=clang FUZZ=1 $(BUILD)/fuzz/wsdoc
	@$(MAKE) --no-print-directory fuzz-run
# (its own make, for the same reason as demo: the flags read after deps)
fuzz-run:
	@FUZZ_LIBS='$(PKG_LIBS) $(HPDF_LIBS) $(INI_LIBS) -lm' \
		sh tests/fuzz.sh $(BUILD)/fuzz $(FUZZ_TIME) $(FUZZ_KINDS)

# Apache FOP side by side (issue 7): FOP, a JDK for the warm-batch harness,
# GNU time for peak RSS.
FOP_PKGS := fop default-jdk-headless time
deps-fop:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(FOP_PKGS)" TEST_PKGS=
bench-fop: deps deps-fop
	@$(MAKE) --no-print-directory all $(BUILD)/bench_fo
	@sh tests/bench-fop.sh $(BUILD)/wsdoc $(BUILD)

DATADIR = $(DESTDIR)$(PREFIX)/share/wsdoc
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DATADIR)/forms $(DATADIR)/forms/templates $(DATADIR)/xslt $(DATADIR)/fonts
	install -m 755 $(BUILD)/wsdoc $(DESTDIR)$(PREFIX)/bin/wsdoc
	install -m 644 docs/wsdoc.1 $(DESTDIR)$(PREFIX)/share/man/man1/wsdoc.1
	for d in forms forms/templates xslt fonts; do \
		for f in $$d/*; do [ -f "$$f" ] && install -m 644 "$$f" $(DATADIR)/$$d/; done; \
	done; true

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/wsdoc $(DESTDIR)$(PREFIX)/share/man/man1/wsdoc.1
	rm -rf $(DATADIR)

clean:
	rm -rf $(BUILD) out
