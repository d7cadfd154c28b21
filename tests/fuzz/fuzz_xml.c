/* fuzz_xml.c — libFuzzer: an .xml input through the safe XML reader, its
 * tree's invariants, the schema and the rules.  Dictionary: xml.dict. */
#include "fuzz_input.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	return S_one(data, len, "/nonexistent-wsdoc-fuzz/in.xml");
}
