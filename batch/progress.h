// What `jixiao batch` tells its user while it runs. On a terminal: one line redrawn in
// place (documents and pages done, pages per second, ETA), with failures printed above it.
// Otherwise: one plain line per document. Both end with the summary.
#pragma once

#include <chrono>
#include <ostream>
#include <string>

#include "batch/batch.h"

namespace jixiao::batch {

class Progress {
 public:
  Progress(std::ostream& out, int total, bool terminal);
  void OnEvent(const Event& e);
  void Tick();  // redraws the bar (terminal only)
  // Clears the bar and prints the summary line.
  void Finish(const Summary& s, const std::string& target);

  // "1:05", "2:03:04".
  static std::string Duration(double seconds);
  static std::string SummaryLine(const Summary& s, const std::string& target);

 private:
  void Draw();
  std::string Line(const Event& e) const;

  std::ostream& out_;
  int total_;
  bool terminal_;
  int done_ = 0, extracted_ = 0;
  long pages_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace jixiao::batch
