#include "ocr/engine.h"

#include <dlfcn.h>
#include <setjmp.h>
#include <signal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <opencv2/imgproc.hpp>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "core/error.h"
#include "core/text.h"
#include "ocr/document_lexicon.h"

namespace jixiao {

namespace {

// Tesseract's LSTM runs `#pragma omp parallel num_threads(4)` regions. With one worker per
// core already busy, those teams oversubscribe the cores and their spin-waits cost more than
// the work (measured: 0.6 s per page alone, 3-8 s with two workers). OMP_THREAD_LIMIT=1 in
// the environment is read only when libgomp loads, so this process cannot set it for itself;
// a maximum of 0 active levels makes every parallel region run on the calling thread alone.
// libgomp comes with libtesseract, so its entry points are looked up at run time.
void KeepOpenMpSerial() {
  using SetInt = void (*)(int);
  if (auto f = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"))) f(0);
  if (auto f = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"))) f(1);
  if (auto f = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_dynamic"))) f(0);
}

// A last guard around Tesseract: an arithmetic fault inside one Recognize call (Tesseract 5.3
// has raised SIGFPE on an ordinary crop) returns to the caller, which reads the line as empty
// and rebuilds its recognizer, instead of ending the process. Inputs are screened before
// (size, margins, blank and solid crops), so this is for what the screening misses.
thread_local sigjmp_buf* tl_fpe_jump = nullptr;
struct sigaction g_previous_fpe;

void OnFpe(int sig, siginfo_t* info, void* context) {
  if (tl_fpe_jump) siglongjmp(*tl_fpe_jump, 1);
  // Not ours: behave as before we were installed.
  if (g_previous_fpe.sa_flags & SA_SIGINFO) {
    if (g_previous_fpe.sa_sigaction) return g_previous_fpe.sa_sigaction(sig, info, context);
  } else if (g_previous_fpe.sa_handler != SIG_DFL && g_previous_fpe.sa_handler != SIG_IGN &&
             g_previous_fpe.sa_handler) {
    return g_previous_fpe.sa_handler(sig);
  }
  signal(SIGFPE, SIG_DFL);
  raise(SIGFPE);
}

void InstallFpeGuard() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction sa = {};
    sa.sa_sigaction = OnFpe;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGFPE, &sa, &g_previous_fpe);
  });
}

// `tessdata`: the models' folder, empty for Tesseract's default.
std::unique_ptr<tesseract::TessBaseAPI> MakeApi(const std::string& tessdata, const char* language,
                                                bool ascii_only) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Dictionaries are of no use for cell fragments, codes and numbers (measured: no change
  // in what is read), and take memory.
  std::vector<std::string> names = {"load_system_dawg", "load_freq_dawg"};
  std::vector<std::string> values = {"0", "0"};
  if (api->Init(tessdata.empty() ? nullptr : tessdata.c_str(), language, tesseract::OEM_LSTM_ONLY,
                nullptr, 0, &names, &values, false) != 0) {
    const std::string lang = language;
    throw Error(ErrorCode::kInternal, "",
                "Tesseract model '" + lang + "' is missing" +
                    (tessdata.empty() ? std::string() : " from " + tessdata) +
                    " (Debian package tesseract-ocr-" +
                    (lang == "chi_sim" ? std::string("chi-sim") : lang) + ")");
  }
  api->SetVariable("debug_file", "/dev/null");
  // Lines are dark on light after the preparation: no second reading of each weak line as
  // white-on-black text (Tesseract's default doubles the work on such lines).
  api->SetVariable("tessedit_do_invert", "0");
  api->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  if (ascii_only) {
    api->SetVariable("tessedit_char_whitelist",
                     "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                     "-.,%/:()+=<>");
  }
  return api;
}

// SetImage + Recognize under the SIGFPE guard. False when Tesseract faulted.
bool GuardedRecognize(tesseract::TessBaseAPI* api, const cv::Mat& image, int ppi, int* status) {
  sigjmp_buf jump;
  if (sigsetjmp(jump, 1) != 0) {
    tl_fpe_jump = nullptr;
    return false;
  }
  tl_fpe_jump = &jump;
  api->SetImage(image.data, image.cols, image.rows, 1, static_cast<int>(image.step));
  api->SetSourceResolution(ppi);
  *status = api->Recognize(nullptr);
  tl_fpe_jump = nullptr;
  return true;
}

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

bool IsCjkOrFullwidthPunct(char32_t c) {
  return IsCjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

// Tesseract separates words by spaces; Chinese has none between its characters.
std::string DropSpacesBetweenCjk(const std::string& s) {
  std::u32string u = ToU32(s);
  std::u32string out;
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i] == U' ' && !out.empty() && i + 1 < u.size()) {
      size_t j = i;
      while (j < u.size() && u[j] == U' ') ++j;
      if (j < u.size() && IsCjkOrFullwidthPunct(out.back()) && IsCjkOrFullwidthPunct(u[j])) {
        i = j - 1;
        continue;
      }
      out += U' ';
      i = j - 1;
      continue;
    }
    out += u[i];
  }
  while (!out.empty() && (out.back() == U' ' || out.back() == U'\n')) out.pop_back();
  while (!out.empty() && out.front() == U' ') out.erase(out.begin());
  return ToUtf8(out);
}

// The height (pixels) a line's ink is scaled to before Tesseract reads it (which scales it
// again to its network's 48). 24 to 42 read alike on the corpus; 36 keeps small print and
// single characters apart from the margins. The scale stays within kMinScale..kMaxScale, and
// a line within kNoResample of it is not resampled.
constexpr double kTargetHeight = 36;
constexpr double kMinScale = 0.25;
constexpr double kMaxScale = 4.0;
constexpr double kNoResample = 0.05;
// The scaled line is padded with white by kMarginShare of its height, at least kMinMarginPx.
constexpr double kMarginShare = 0.35;
constexpr int kMinMarginPx = 8;
// Ink is darker than kInkGray. A line image more than kMaxInkShare ink is solid (a blot, a
// filled cell), no text.
constexpr int kInkGray = 200;
constexpr double kMaxInkShare = 0.85;
// Tesseract is told no lower resolution than this (it rejects lower ones as invalid).
constexpr int kMinPpi = 70;
// JoinSymbols: a space where the printed gap between two symbols is wider than
// kWordGapShare of the line's height, or between two Latin letters or digits Tesseract
// parted, from kLatinGapShare of it.
constexpr double kWordGapShare = 0.3;
constexpr double kLatinGapShare = 0.12;

}  // namespace

OcrEngine::Impl::Impl(const ocr::OcrOptions& o) : options(o) {
  KeepOpenMpSerial();
  InstallFpeGuard();
  chinese = MakeApi(options.tessdata, "chi_sim", false);
  // The English model is loaded at the first line that needs it (loading takes as long as
  // reading a dozen lines, and pages of prose never do); only its presence is checked here.
  const std::filesystem::path eng =
      std::filesystem::path(chinese->GetDatapath()) / "eng.traineddata";
  std::error_code error;
  if (!std::filesystem::exists(eng, error))
    ascii = MakeApi(options.tessdata, "eng", true);  // throws the usual Error
  // What the engine reads without: each costs readings (blurred glyphs the second recognizer
  // reads, words only the list knows), not the reading itself.
  std::vector<std::string> missing;
  if (!ocr::LineNet::HasModel(options.line_net_dir))
    missing.push_back(
        "the second OCR line recognizer's model is missing" +
        (options.line_net_dir.empty() ? std::string() : " from '" + options.line_net_dir + "'") +
        " (run scripts/setup.sh and build, or set JIXIAO_LINE_NET)");
  if (std::ifstream(options.word_list).good()) {
    // The document pass needs it after the pages: read while they are.
    ocr::PrefetchWordLists(options.word_list);
  } else {
    missing.push_back("the word list '" + options.word_list +
                      "' cannot be read (Debian package python3-jieba, or set JIXIAO_WORD_LIST)");
  }
  for (const std::string& m : missing) degraded_reason += (degraded_reason.empty() ? "" : "; ") + m;
}

tesseract::TessBaseAPI* OcrEngine::Impl::Api(ocr::Model model) {
  if (model == ocr::Model::kChinese) return chinese.get();
  if (!ascii) ascii = MakeApi(options.tessdata, "eng", true);
  return ascii.get();
}

ocr::LineNet* OcrEngine::Impl::Net() {
  if (!net_tried) {
    net_tried = true;
    if (ocr::LineNet::HasModel(options.line_net_dir))
      net = std::make_unique<ocr::LineNet>(options.line_net_dir);
  }
  return net.get();
}

OcrEngine::Impl::~Impl() = default;

ocr::LineText OcrEngine::Impl::ReadLine(const cv::Mat& line, double dpi, ocr::Model model,
                                        ocr::Layout layout) {
  ocr::LineText out;
  if (line.empty() || line.type() != CV_8UC1 || line.rows < ocr::kMinLinePx ||
      line.cols < ocr::kMinLinePx)
    return out;
  // No contrast stretch here: Tesseract's LSTM input sets its own black and white levels from
  // the line, and stretching the darkest 2% of the ink to black (tried for faded archive
  // copies) thickened blurred glyphs into others (量 read as 最) on scans of our samples.
  const int inked = cv::countNonZero(line < kInkGray);
  // Blank and solid crops carry no text, and are the kind of input that trips Tesseract.
  if (inked == 0 || inked > kMaxInkShare * static_cast<double>(line.total())) return out;
  // Scale so that the line is kTargetHeight pixels high, then pad with white.
  const double scale = std::clamp(kTargetHeight / line.rows, kMinScale, kMaxScale);
  cv::Mat scaled;
  if (std::abs(scale - 1) < kNoResample) {
    scaled = line;
  } else {
    cv::resize(line, scaled, cv::Size(), scale, scale, scale > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
  }
  const int margin =
      std::max(kMinMarginPx, static_cast<int>(std::lround(kMarginShare * scaled.rows)));
  cv::Mat padded;
  cv::copyMakeBorder(scaled, padded, margin, margin, margin, margin, cv::BORDER_CONSTANT, 255);
  if (!padded.isContinuous()) padded = padded.clone();

  tesseract::TessBaseAPI* api = Api(model);
  ++lines_read;
  const tesseract::PageSegMode psm = layout == ocr::Layout::kChar      ? tesseract::PSM_SINGLE_CHAR
                                     : layout == ocr::Layout::kRawLine ? tesseract::PSM_RAW_LINE
                                                                       : tesseract::PSM_SINGLE_LINE;
  if (api->GetPageSegMode() != psm) api->SetPageSegMode(psm);
  int status = 0;
  const double cpu0 = ThreadCpuSeconds();
  struct Tally {
    double start;
    double* sum;
    ~Tally() { *sum += ThreadCpuSeconds() - start; }
  } tally{cpu0, &recognize_seconds};
  if (!GuardedRecognize(api, padded, std::max(kMinPpi, static_cast<int>(std::lround(dpi * scale))),
                        &status)) {
    // The recognizer is in an unknown state: replace it.
    try {
      if (model == ocr::Model::kAscii) {
        ascii = MakeApi(options.tessdata, "eng", true);
      } else {
        chinese = MakeApi(options.tessdata, "chi_sim", false);
      }
    } catch (const Error&) {
    }
    return out;
  }
  if (status != 0) return out;

  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  double conf_sum = 0;
  if (it) {
    do {
      std::unique_ptr<char[]> sym(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (!sym) continue;
      ocr::Symbol s;
      s.text = sym.get();
      s.space_before = !out.symbols.empty() && it->IsAtBeginningOf(tesseract::RIL_WORD);
      int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      it->BoundingBox(tesseract::RIL_SYMBOL, &x0, &y0, &x1, &y1);
      const double k = 1.0 / scale;
      const int bx0 = static_cast<int>(std::floor((x0 - margin) * k));
      const int by0 = static_cast<int>(std::floor((y0 - margin) * k));
      const int bx1 = static_cast<int>(std::ceil((x1 - margin) * k));
      const int by1 = static_cast<int>(std::ceil((y1 - margin) * k));
      s.box = cv::Rect(bx0, by0, std::max(1, bx1 - bx0), std::max(1, by1 - by0));
      s.confidence = std::clamp(it->Confidence(tesseract::RIL_SYMBOL) / 100.0, 0.0, 1.0);
      conf_sum += s.confidence;
      out.symbols.push_back(std::move(s));
    } while (it->Next(tesseract::RIL_SYMBOL));
  }
  out.text = ocr::JoinSymbols(out.symbols, 0, out.symbols.size(), line.rows);

  // A misread character is often the line's one weak symbol: the mean alone hides it.
  double weakest = 1;
  for (const ocr::Symbol& y : out.symbols) weakest = std::min(weakest, y.confidence);
  out.confidence = out.symbols.empty() ? 0 : 0.5 * (conf_sum / out.symbols.size() + weakest);
  return out;
}

namespace ocr {

std::string JoinSymbols(const std::vector<Symbol>& symbols, size_t from, size_t to,
                        double line_height) {
  std::string text;
  to = std::min(to, symbols.size());
  for (size_t i = from; i < to; ++i) {
    if (i > from) {
      if (line_height <= 0) {
        if (symbols[i].space_before) text += ' ';
      } else {
        const cv::Rect& a = symbols[i - 1].box;
        const cv::Rect& b = symbols[i].box;
        const double gap = b.x - (a.x + a.width);
        const std::u32string pa = ToU32(symbols[i - 1].text), pb = ToU32(symbols[i].text);
        const bool latin = !pa.empty() && !pb.empty() && IsAsciiAlnum(pa.back()) && IsAsciiAlnum(pb.front());
        if (gap > kWordGapShare * line_height ||
            (latin && symbols[i].space_before && gap >= kLatinGapShare * line_height))
          text += ' ';
      }
    }
    text += symbols[i].text;
  }
  return line_height > 0 ? Trim(text) : DropSpacesBetweenCjk(text);
}

}  // namespace ocr

OcrEngine::OcrEngine(const ocr::OcrOptions& options) : impl_(std::make_unique<Impl>(options)) {}
OcrEngine::~OcrEngine() = default;
const ocr::OcrOptions& OcrEngine::options() const {
  return impl_->options;
}
const std::string& OcrEngine::degraded_reason() const {
  return impl_->degraded_reason;
}

}  // namespace jixiao
