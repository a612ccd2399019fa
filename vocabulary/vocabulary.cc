#include "vocabulary/vocabulary.h"

namespace jixiao {

const std::vector<std::string>& IndicatorTerms() {
  // clang-format off
  static const std::vector<std::string> terms = {
      "产出指标", "效果指标", "满意度指标", "成本指标", "效益指标", "数量指标", "质量指标",
      "时效指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
      "可持续性影响指标", "可持续性影响", "可持续影响", "可持续发展指标", "服务对象满意度指标",
      "服务对象满意度", "社会公众满意度指标", "社会公众满意度", "群众满意度指标", "满意度",
      "经济成本指标", "社会成本指标", "生态环境成本指标", "项目完成指标", "项目效益指标",
      "经济效益", "社会效益", "生态效益",
  };
  // clang-format on
  return terms;
}

}  // namespace jixiao
