// What `jixiao batch` reads: its INPUT arguments expanded to document paths.
#pragma once

#include <string>
#include <vector>

namespace jixiao::batch {

// Whether a file name is a document the batch reads from a folder or a glob: .pdf, .png,
// .jpg, .jpeg, .tif, .tiff in any case.
bool IsDocumentName(const std::string& path);

// Expands INPUT arguments into document paths, sorted and without repeats:
//  - a file is taken as it is (whatever its name);
//  - a folder gives every document under it (recursively, by IsDocumentName);
//  - a pattern with * ? or [ that names no file is a glob(3) pattern: its files that are
//    documents, and the documents under its folders;
//  - @FILE reads one input a line from FILE (blank lines and lines starting with # are
//    skipped), each expanded as above; relative paths are relative to the working directory.
// A path that does not exist is kept: the batch records it as failed.
// Throws Error(kNotFound, FILE) when a @FILE cannot be read.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& args);

}  // namespace jixiao::batch
