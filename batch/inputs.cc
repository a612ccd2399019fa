#include "batch/inputs.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/error.h"

namespace jixiao::batch {

namespace {

namespace fs = std::filesystem;

void AddFolder(const fs::path& dir, std::set<std::string>* out) {
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && IsDocumentName(it->path().string()))
      out->insert(it->path().lexically_normal().string());
  }
}

// A file or folder found by a glob or named on its own.
void AddPath(const std::string& path, bool named, std::set<std::string>* out) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    AddFolder(path, out);
  } else if (named || IsDocumentName(path)) {
    out->insert(fs::path(path).lexically_normal().string());
  }
}

void AddArgument(const std::string& arg, std::set<std::string>* out) {
  std::error_code ec;
  const bool pattern = arg.find_first_of("*?[") != std::string::npos && !fs::exists(arg, ec);
  if (!pattern) {
    AddPath(arg, true, out);
    return;
  }
  glob_t g{};
  const int rc = ::glob(arg.c_str(), 0, nullptr, &g);
  if (rc == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i) AddPath(g.gl_pathv[i], false, out);
  } else {
    out->insert(arg);  // matches nothing: recorded as a file that is not there
  }
  globfree(&g);
}

}  // namespace

bool IsDocumentName(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf" || ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff";
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& args) {
  std::set<std::string> out;
  for (const std::string& arg : args) {
    if (arg.size() < 2 || arg[0] != '@') {
      AddArgument(arg, &out);
      continue;
    }
    const std::string list = arg.substr(1);
    std::ifstream in(list);
    std::error_code ec;
    if (!in || fs::is_directory(list, ec)) throw Error(ErrorCode::kNotFound, list, "cannot read the list of inputs");
    for (std::string line; std::getline(in, line);) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
      const size_t start = line.find_first_not_of(" \t");
      if (start == std::string::npos || line[start] == '#') continue;
      AddArgument(line.substr(start), &out);
    }
  }
  return {out.begin(), out.end()};
}

}  // namespace jixiao::batch
