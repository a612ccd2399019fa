#include "core/error.h"

namespace jixiao {

namespace {
std::string Format(const std::string& file, int page, const std::string& message) {
  std::string s = file;
  if (page > 0) s += ": page " + std::to_string(page);
  s += ": " + message;
  return s;
}
}  // namespace

Error::Error(ErrorCode code, std::string file, int page, std::string message)
    : std::runtime_error(Format(file, page, message)),
      code_(code),
      file_(std::move(file)),
      page_(page),
      message_(std::move(message)) {}

}  // namespace jixiao
