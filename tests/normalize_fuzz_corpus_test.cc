// Replays the normalize fuzz corpus (fuzz/corpus/normalize) as an ordinary test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "normalize/normalize.h"

namespace jixiao {
namespace {

bool ValidKind(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNumeric:
    case ValueKind::kReference:
    case ValueKind::kDate:
    case ValueKind::kText:
    case ValueKind::kEmpty:
      return true;
  }
  return false;
}

TEST(NormalizeFuzzCorpus, Replays) {
  const std::filesystem::path dir = JIXIAO_SOURCE_DIR "/fuzz/corpus/normalize";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(entry.path().filename().string());
    TypedValue v;
    ASSERT_NO_THROW(v = Normalize(data));
    EXPECT_TRUE(ValidKind(v.kind));
    EXPECT_EQ(v.raw, data);
    EXPECT_NO_THROW(ToJson(v).dump());
    if (v.kind != ValueKind::kText && v.kind != ValueKind::kEmpty) {
      TypedValue back = Normalize(Canonical(v));
      EXPECT_EQ(back.kind, v.kind);
      EXPECT_EQ(back.op, v.op);
      EXPECT_EQ(back.number, v.number);
      EXPECT_EQ(back.upper, v.upper);
      EXPECT_EQ(back.unit, v.unit);
      EXPECT_EQ(back.reference, v.reference);
      EXPECT_EQ(back.date, v.date);
    }
    EXPECT_NO_THROW(ParseMoney(data, "万元"));
    ++files;
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace jixiao
