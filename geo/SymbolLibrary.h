#pragma once
// The field's symbol library at run time: milsymbol (npm, MIT) in a long-lived `node` helper
// (assets/symbols/helper.js) that answers line-delimited JSON on its stdin/stdout.
//
//     auto library = geo::SymbolLibrary::start();          // ~0.1 s: node starts, milsymbol loads
//     if (!library) say(library.failure().message());      // node or npm ci missing: one line
//     auto drawn = library.value()->draw({{"10031000161211000000", 48}});
//     drawn.value()[0].svg                                 // as milsymbol draws it
//
// One helper per SymbolLibrary; its lifetime is the object's: the destructor closes the helper's
// stdin and reaps it. Calls are serialised (a mutex) and batched: one request line carries any
// number of symbols, so a thousand symbols cost one round trip. A helper that dies or stops answering
// (10 s) is restarted once on the next call; if that fails the call returns the Failure.
#include "geo/Result.h"
#include "geo/Scenario.h"

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace geo {

struct SymbolRequest {
    std::string code;            //!< a SIDC, as Sidc::code
    double size = 48;            //!< milsymbol's `size`: the height of a land unit's frame, in pixels
    SymbolAmplifiers amplifiers; //!< drawn as text around the frame
    std::string country;         //!< drawn as the country amplifier when not empty
    bool svg = true;             //!< false: only what the library knows of the code (names, validity)
    bool readable = false;       //!< amplifier text on a white plate, for the scene (not as the standard draws it)
    bool operator==(const SymbolRequest&) const = default;
};

struct SymbolDrawing {
    std::string svg;                   //!< empty when not asked for or failed
    double width = 0, height = 0;      //!< of the SVG, in pixels
    double anchorX = 0, anchorY = 0;   //!< the point standing on the feature's position
    bool icon = false;                 //!< milsymbol knows the entity and drew its icon
    std::string dimension;             //!< "Ground", "Air", "Sea"...
    bool named = false;                //!< the entity is in the standard's tables (stanag-app6)
    std::array<std::string, 3> entity; //!< entity, type, subtype: "Movement and Manoeuvre", "Infantry", ""
    std::string error;                 //!< milsymbol threw on this code
    //! The most specific name: "Infantry"; empty when the entity is unknown.
    std::string entityName() const;
};

struct GraphicRequest;  // geo/TacticalGraphics.h
struct GraphicDrawing;

//! Where helper.js and its node_modules live: $BULWARK_SYMBOLS, else the source tree's assets/symbols.
std::filesystem::path symbolLibraryDir();

class SymbolLibrary {
public:
    //! Starts the helper in `dir` and waits for its hello; a Failure says what is missing, in one line.
    static Result<std::unique_ptr<SymbolLibrary>> start(const std::filesystem::path& dir = symbolLibraryDir());
    ~SymbolLibrary();
    SymbolLibrary(const SymbolLibrary&) = delete;
    SymbolLibrary& operator=(const SymbolLibrary&) = delete;

    //! One drawing per request, in order.
    Result<std::vector<SymbolDrawing>> draw(const std::vector<SymbolRequest>& requests);
    const std::string& version() const { return _version; } //!< milsymbol's, e.g. "3.0.4"
    //! One multipoint tactical graphic per request, in order, drawn by mil-sym-ts (geo/TacticalGraphics.cpp);
    //! each answer is kept, so a reload asks only for what changed.
    Result<std::vector<GraphicDrawing>> graphics(const std::vector<GraphicRequest>& requests);

private:
    explicit SymbolLibrary(std::filesystem::path dir) : _dir(std::move(dir)) {}
    std::optional<Failure> launch();
    void stop();
    Result<std::string> exchange(const std::string& line);
    //! Sends one request line and reads its answer, restarting a dead or hung helper once.
    Result<std::string> call(const std::string& line);

    std::filesystem::path _dir;
    std::string _version;
    std::mutex _mutex;
    int _pid = -1, _socket = -1, _stderr = -1;
    std::string _pending; //!< bytes read past the last answer line
    std::map<std::string, std::shared_ptr<const GraphicDrawing>> _graphics; //!< by request, as sent
};

} // namespace geo
