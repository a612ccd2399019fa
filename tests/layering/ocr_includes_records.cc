// Must not build: ocr/ sits below records/ (docs/ARCHITECTURE.md), so jixiao_ocr's include
// directories do not show records/. The test docs.LayeringOcrCannotIncludeRecords builds this
// file against jixiao_ocr and expects the build to fail.
#include "records/records.h"

int main() { return 0; }
