/* fuzz_ini.c — libFuzzer: an .ini input (INI reader, or XML when it looks
 * like XML, as check decides), its tree's invariants, the schema and the
 * rules.  Dictionary: tests/fuzz/ini.dict. */
#include "fuzz_input.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	return S_one(data, len, "/nonexistent-wsdoc-fuzz/in.ini");
}
