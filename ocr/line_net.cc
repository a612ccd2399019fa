#include "ocr/line_net.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include "core/error.h"
#include "core/text.h"
#include "ocr/options.h"

#ifndef JIXIAO_LINE_NET_DIR
#define JIXIAO_LINE_NET_DIR ""
#endif

namespace jixiao::ocr {

namespace {

// The graphs loaded in this process, by file, shared by every LineNet (one per page worker):
// loading a graph costs about as much as a forward at 320 px, and its first forward about half
// again while OpenCV sets the layers up, so a worker that reads a width another has read before
// takes that graph ready. A graph runs for one reader at a time: Take hands it out, Give puts it
// back. A file that cannot be read or run as a graph reads nothing from then on, for the process.
class Graphs {
 public:
  // An idle graph of `file`, else one loaded now; empty when the file is no graph.
  cv::dnn::Net Take(const std::string& file) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      Slot& slot = slots_[file];
      if (slot.broken) return {};
      if (!slot.idle.empty()) {
        cv::dnn::Net net = std::move(slot.idle.back());
        slot.idle.pop_back();
        return net;
      }
    }
    cv::dnn::Net net;
    try {
      net = cv::dnn::readNetFromONNX(file);
      net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
      net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    } catch (const cv::Exception&) {
      net = cv::dnn::Net();
    }
    if (net.empty()) Break(file);
    return net;
  }
  void Give(const std::string& file, cv::dnn::Net net) {
    std::lock_guard<std::mutex> lock(mutex_);
    slots_[file].idle.push_back(std::move(net));
  }
  void Break(const std::string& file) {
    std::lock_guard<std::mutex> lock(mutex_);
    Slot& slot = slots_[file];
    slot.broken = true;
    slot.idle.clear();
  }

 private:
  struct Slot {
    bool broken = false;
    std::vector<cv::dnn::Net> idle;
  };
  std::mutex mutex_;
  std::map<std::string, Slot> slots_;
};

Graphs& LoadedGraphs() {
  static Graphs graphs;
  return graphs;
}

}  // namespace

struct LineNet::Nets {
  // The widths this reader found broken, which read nothing without asking the pool again.
  std::set<int> broken;
};

namespace {

// Inputs smaller than this (pixels) a side read as nothing.
constexpr int kMinInputPx = 4;
// One time step of the model's output covers this many pixels of its 48 px high input.
constexpr int kStepPx = 8;

}  // namespace

std::string BuiltLineNetDir() {
  return JIXIAO_LINE_NET_DIR;
}

bool LineNet::HasModel(const std::string& dir) {
  return !dir.empty() && std::ifstream(dir + "/keys.txt").good() &&
         std::ifstream(dir + "/rec-" + std::to_string(kLineNetWidths[0]) + ".onnx").good();
}

LineNet::LineNet(const std::string& dir) : dir_(dir), nets_(std::make_unique<Nets>()) {
  std::ifstream in(dir + "/keys.txt");
  if (!in)
    throw Error(ErrorCode::kInternal, dir + "/keys.txt",
                "the line recognizer's character list is missing");
  keys_.push_back(0);  // CTC blank
  std::string line;
  while (std::getline(in, line)) {
    const std::u32string u = ToU32(line);
    keys_.push_back(u.size() == 1 ? u[0] : 0);
  }
  keys_.push_back(U' ');  // the model was trained with a space as its last class
}

LineNet::~LineNet() = default;

std::vector<NetChar> LineNet::Read(const cv::Mat& gray) {
  if (gray.empty() || gray.rows < kMinInputPx || gray.cols < kMinInputPx) return {};
  const int widest = kLineNetWidths[std::size(kLineNetWidths) - 1];
  const int scaled = std::clamp(
      static_cast<int>(std::ceil(gray.cols * static_cast<double>(kLineNetHeight) / gray.rows)), 1,
      widest);
  int bucket = widest;
  for (int w : kLineNetWidths)
    if (w >= scaled) {
      bucket = w;
      break;
    }
  cv::Mat line;
  cv::resize(gray, line, cv::Size(scaled, kLineNetHeight), 0, 0, cv::INTER_LINEAR);
  // The model's input: 3 channels of (v / 255 - 0.5) / 0.5, zero (mid-gray) right of the line,
  // as PaddleOCR pads its crops.
  cv::Mat plane(kLineNetHeight, bucket, CV_32F, cv::Scalar(0));
  line.convertTo(plane(cv::Rect(0, 0, scaled, kLineNetHeight)), CV_32F, 2.0 / 255, -1.0);
  const int dims[] = {1, 3, kLineNetHeight, bucket};
  cv::Mat blob(4, dims, CV_32F);
  for (int ch = 0; ch < 3; ++ch)
    plane.copyTo(cv::Mat(kLineNetHeight, bucket, CV_32F, blob.ptr<float>(0, ch)));

  // A graph that cannot be read or run (a damaged or partial model folder) reads nothing, here
  // and for every later line of its width: the second recognizer only ever adds to chi_sim.
  if (nets_->broken.count(bucket)) return {};
  const std::string file = dir_ + "/rec-" + std::to_string(bucket) + ".onnx";
  cv::dnn::Net net = LoadedGraphs().Take(file);
  if (net.empty()) {
    nets_->broken.insert(bucket);
    return {};
  }
  cv::Mat out;  // 1 x steps x classes, softmax
  try {
    net.setInput(blob);
    out = net.forward().clone();  // the graph's own buffer is the next reader's
  } catch (const cv::Exception&) {
    nets_->broken.insert(bucket);
    LoadedGraphs().Break(file);
    return {};
  }
  LoadedGraphs().Give(file, std::move(net));
  if (out.dims != 3 || out.size[0] != 1) return {};
  ++lines_read_;
  const int steps = out.size[1], classes = out.size[2];
  // Steps that cover only the padding carry no text.
  const int last = std::min(steps, (scaled + kStepPx - 1) / kStepPx + 1);
  std::vector<NetChar> chars;
  int prev = 0;
  for (int t = 0; t < last; ++t) {
    const float* p = out.ptr<float>(0, t);
    const int best = static_cast<int>(std::max_element(p, p + classes) - p);
    if (best != 0 && best < static_cast<int>(keys_.size()) && keys_[best] != 0) {
      if (best == prev && !chars.empty()) {
        chars.back().probability = std::max(chars.back().probability, p[best]);
        chars.back().last_step = t;
      } else {
        chars.push_back({keys_[best], p[best], t, t});
      }
    }
    prev = best;
  }
  return chars;
}

}  // namespace jixiao::ocr
