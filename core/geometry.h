// Boxes. Unless a name says otherwise, a Box is in PDF points (1/72 inch) on the page as a
// reader holds it upright, origin at the top-left corner, y growing downwards.
// Pixel boxes of a rendered image convert to points with ToPoints(box, dpi), nowhere else.
#pragma once

#include <algorithm>
#include <array>

namespace jixiao {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  bool Contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
  // Grows this box to cover another (an empty box takes the other as it is).
  void Extend(const Box& o) {
    if (o.empty()) return;
    if (empty()) { *this = o; return; }
    x0 = std::min(x0, o.x0); y0 = std::min(y0, o.y0);
    x1 = std::max(x1, o.x1); y1 = std::max(y1, o.y1);
  }
  double OverlapArea(const Box& o) const {
    double w = std::min(x1, o.x1) - std::max(x0, o.x0);
    double h = std::min(y1, o.y1) - std::max(y0, o.y0);
    return (w > 0 && h > 0) ? w * h : 0.0;
  }
  std::array<double, 4> ToArray() const { return {x0, y0, x1, y1}; }
};

// Pixels of an image rendered at `dpi` to PDF points.
inline Box ToPoints(const Box& px, double dpi) {
  const double k = 72.0 / dpi;
  return {px.x0 * k, px.y0 * k, px.x1 * k, px.y1 * k};
}
inline double ToPoints(double px, double dpi) { return px * 72.0 / dpi; }

}  // namespace jixiao
