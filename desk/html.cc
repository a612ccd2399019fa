#include "desk/html.h"

#include <cctype>

namespace jixiao::desk {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ScriptJson(const nlohmann::ordered_json& value) {
  const std::string text =
      value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    // Outside strings JSON has none of these, so the escapes are always inside a string.
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[v >> 18];
    out += kAlphabet[v >> 12 & 63];
    out += kAlphabet[v >> 6 & 63];
    out += kAlphabet[v & 63];
  }
  if (i < bytes.size()) {
    const bool two = i + 1 < bytes.size();
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       (two ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0);
    out += kAlphabet[v >> 18];
    out += kAlphabet[v >> 12 & 63];
    out += two ? kAlphabet[v >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

nlohmann::ordered_json ToJson(const DocumentRow& r) {
  nlohmann::ordered_json o;
  o["id"] = r.id;
  o["path"] = r.path;
  o["sha256"] = r.sha256;
  o["status"] = r.status;
  if (!r.error.empty()) o["error"] = r.error;
  o["year"] = r.year ? nlohmann::ordered_json(*r.year) : nlohmann::ordered_json();
  o["department"] = r.department;
  o["title"] = r.title;
  o["pages"] = r.pages ? nlohmann::ordered_json(*r.pages) : nlohmann::ordered_json();
  o["projects"] = r.projects;
  o["indicators"] = r.indicators;
  o["findings"] = r.findings;
  o["flagged"] = r.flagged;
  o["corrections"] = r.corrections;
  return o;
}

namespace {

struct SortColumn {
  const char* key;
  const char* label;
};
constexpr SortColumn kColumns[] = {
    {"path", "文件 file"},
    {"year", "年度 year"},
    {"department", "部门 department"},
    {"status", "状态 status"},
    {"projects", "项目 projects"},
    {"flagged", "待复核 to review"},
    {"findings", "问题 findings"},
    {"corrections", "已更正 corrected"},
};

std::string SortLink(const ListQuery& q, const SortColumn& c) {
  const bool current = q.sort == c.key;
  const bool descending = current && !q.descending;
  std::string href = "/?sort=" + std::string(c.key) + (descending ? "&desc=1" : "");
  if (!q.text.empty()) href += "&q=" + UrlEncode(q.text);
  if (!q.status.empty()) href += "&status=" + UrlEncode(q.status);
  if (!q.year.empty()) href += "&year=" + UrlEncode(q.year);
  std::string mark = current ? (q.descending ? " ▼" : " ▲") : "";
  return "<a href=\"" + HtmlEscape(href) + "\">" + HtmlEscape(c.label) + mark + "</a>";
}

std::string Cell(const std::string& text) {
  return "<td>" + HtmlEscape(text) + "</td>";
}
std::string Number(int64_t n) {
  return "<td class=\"n\">" + std::to_string(n) + "</td>";
}

}  // namespace

std::string DocumentsPage(const std::vector<DocumentRow>& rows, const ListQuery& q,
                          const std::string& database) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>jixiao desk</title>"
      "<link rel=\"stylesheet\" href=\"/static/desk.css\"></head><body class=\"list\">\n"
      "<header><h1>jixiao 复核台 review desk</h1><span class=\"db\">" +
      HtmlEscape(database) + "</span></header>\n";
  html +=
      "<form method=\"get\" action=\"/\" class=\"filter\">"
      "<input name=\"q\" placeholder=\"文件、部门、标题 file, department, title\" value=\"" +
      HtmlEscape(q.text) + "\"> <select name=\"status\">";
  for (const char* s : {"", "imported", "failed"})
    html += std::string("<option value=\"") + s + "\"" + (q.status == s ? " selected" : "") + ">" +
            (*s ? s : "all") + "</option>";
  html += "</select> <input name=\"year\" size=\"6\" placeholder=\"年度 year\" value=\"" +
          HtmlEscape(q.year) + "\"><input type=\"hidden\" name=\"sort\" value=\"" +
          HtmlEscape(q.sort) + "\">" +
          (q.descending ? "<input type=\"hidden\" name=\"desc\" value=\"1\">" : "") +
          " <button type=\"submit\">筛选 filter</button></form>\n";
  html += "<table id=\"documents\"><thead><tr><th>id</th>";
  for (const SortColumn& c : kColumns) html += "<th>" + SortLink(q, c) + "</th>";
  html += "<th>指标 indicators</th><th>错误 error</th></tr></thead><tbody>\n";
  for (const DocumentRow& r : rows) {
    html += "<tr class=\"" + HtmlEscape(r.status) + "\"><td class=\"n\">" + std::to_string(r.id) +
            "</td>";
    if (r.status == "imported")
      html += "<td><a class=\"doc\" href=\"/documents/" + std::to_string(r.id) + "\">" +
              HtmlEscape(r.path) + "</a></td>";
    else
      html += Cell(r.path);
    html += Cell(r.year ? std::to_string(*r.year) : "") + Cell(r.department) + Cell(r.status) +
            Number(r.projects) + Number(r.flagged) + Number(r.findings) + Number(r.corrections) +
            Number(r.indicators) + Cell(r.error) + "</tr>\n";
  }
  html += "</tbody></table>\n<p class=\"count\">" + std::to_string(rows.size()) +
          " documents</p></body></html>\n";
  return html;
}

}  // namespace jixiao::desk
