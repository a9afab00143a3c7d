#pragma once
// The OGR side of a ScenarioDocument: writing the edited features back into a copy of the file as loaded. Works on the
// file's bytes in memory
// (/vsimem/), so a save never reads what another program has written since, and writing to disk stays
// with OutputFile (write-then-rename).
#include "geo/Result.h"
#include "geo/edit/EditCommands.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo {

//! A features file written anew: its bytes, and the FID each written feature has in it.
struct RewrittenFile {
    std::string bytes;
    std::map<std::uint64_t, std::int64_t> fids; //!< by key
};

//! `bytes` (the file as loaded, named `file`) with `features` written into it, in the same format:
//! a feature of the file whose key is in `saved` but not in `features` is left out (deleted); one that
//! no key names (not read by the loader) is copied as it is; one whose fields equal `saved` is copied as
//! it is; an edited one is copied with only its changed fields written; new ones are added at the end
//! (a duplicate starts from the properties of the feature it copies).
Result<RewrittenFile> rewriteFeatures(const std::filesystem::path& file, const std::string& bytes,
                                      const std::vector<EditableFeature>& features,
                                      const std::map<std::uint64_t, EditableFeature>& saved);

} // namespace geo
