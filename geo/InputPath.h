#pragma once
// The one way Bulwark opens a path the user gave it as input. Anything that is not a regular file
// (after following symlinks) is refused with one line before anything opens it: a FIFO would block
// a reader forever, a folder makes a stream throw "basic_filebuf::underflow", a device never ends.
#include "geo/Result.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace geo {

//! Whether a folder is acceptable too: GDAL opens some vector datasets that are folders (a folder of
//! shapefiles, an Esri File Geodatabase `.gdb`). Everything else must be a regular file.
enum class InputKind { File, FileOrFolder };

//! A GDAL virtual path (`/vsizip/...`, `/vsimem/...`) or connection string (`PG:...`, `GPKG:a.gpkg:layer`,
//! `https://...`): GDAL resolves it itself, so it goes to GDAL untouched.
bool isGdalVirtualPath(const std::string& path);

//! nullopt when `path` is an existing regular file (or, for FileOrFolder, a folder); else the Failure to
//! report: "file not found", "is a folder, not a file", "is a named pipe (FIFO), not a file", ...
[[nodiscard]] std::optional<Failure> checkInputPath(const std::filesystem::path& path,
                                                    InputKind kind = InputKind::File);

//! As checkInputPath, but GDAL's virtual paths and connection strings pass (for GdalSession::open).
[[nodiscard]] std::optional<Failure> checkGdalInputPath(const std::filesystem::path& path, InputKind kind);

constexpr std::size_t kMaxTextInputBytes = 256u << 20; //!< manifests, tours, settings: far beyond any real one

//! The whole content of the regular file `path`, read with every error checked. The file is opened
//! without blocking and checked on the open descriptor, so a FIFO or device is refused, not waited on.
//! Files over `maxBytes` are refused with their size (the caller reads them whole).
Result<std::string> readInputFile(const std::filesystem::path& path, std::size_t maxBytes = kMaxTextInputBytes);

} // namespace geo
