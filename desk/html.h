// Text made safe for HTML, and the server-side pages of the desk (the list of documents).
// Everything that comes from a document (file names, cell text, error lines) goes through
// HtmlEscape or, for data handed to the script, ScriptJson.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::desk {

// & < > " ' as character references: the text shows as text, in an element or an attribute.
std::string HtmlEscape(std::string_view text);
// JSON to put inside <script type="application/json">: < > & written as \u003c … so that no
// text of the document can close the element or open a comment.
std::string ScriptJson(const nlohmann::ordered_json& value);
// Standard base64 (RFC 4648, with padding), for data: URIs.
std::string Base64(std::string_view bytes);
// A query or path part with everything but unreserved characters percent-encoded.
std::string UrlEncode(std::string_view text);

// One row of the list of documents.
struct DocumentRow {
  int64_t id = 0;
  std::string path, sha256, status, error, department, title;
  std::optional<int64_t> year, pages;
  int64_t projects = 0, indicators = 0, findings = 0, flagged = 0, corrections = 0;
};
nlohmann::ordered_json ToJson(const DocumentRow& row);

// How the list is filtered and sorted (the query of GET /).
struct ListQuery {
  std::string text;    // q: part of the path, department or title
  std::string status;  // imported | failed | "" (both)
  std::string year;    // "" for every year
  std::string sort =
      "path";  // path | year | department | status | projects | flagged | findings | corrections
  bool descending = false;
};

// The page of GET /: the documents, with a form to filter and links to sort.
std::string DocumentsPage(const std::vector<DocumentRow>& rows, const ListQuery& query,
                          const std::string& database);

}  // namespace jixiao::desk
