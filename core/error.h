// One error type for the whole library: a code, the file, the page (when there is one)
// and what went wrong. Thrown where a document cannot be read at all; a page that
// cannot be read becomes a Warning on the result instead.
#pragma once

#include <stdexcept>
#include <string>

namespace jixiao {

enum class ErrorCode {
  kUsage = 64,         // bad command line
  kNotFound = 66,      // input missing or unreadable
  kBadInput = 65,      // empty, not a PDF/image, truncated, damaged
  kEncrypted = 67,     // password-protected
  kNoTables = 68,      // readable, but no performance table in it
  kTooLarge = 69,      // page or image beyond the limits
  kOutput = 73,        // cannot write the output
  kInternal = 70,
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string file, int page, std::string message);
  Error(ErrorCode code, std::string file, std::string message) : Error(code, std::move(file), 0, std::move(message)) {}

  ErrorCode code() const { return code_; }
  const std::string& file() const { return file_; }
  int page() const { return page_; }  // 1-based; 0 when the error is not about one page
  const std::string& message() const { return message_; }
  int exit_code() const { return static_cast<int>(code_); }

 private:
  ErrorCode code_;
  std::string file_;
  int page_;
  std::string message_;
};

// What could be skipped: kept on the result, never thrown.
struct Warning {
  int page = 0;  // 1-based; 0 = the whole document
  std::string code;     // stable id, e.g. "page.no_table"
  std::string message;
};

}  // namespace jixiao
