// `bulwark symbol SIDC --out FILE.png --size PX`: one military symbol alone, exactly as the symbol
// library (milsymbol) draws it, on a transparent background; for previews, the README and tests.
#include "app/Commands.h"
#include "app/PngFile.h"
#include "app/UsageError.h"
#include "geo/OutputFile.h"
#include "geo/Sidc.h"
#include "geo/SymbolLibrary.h"
#include "geo/SymbolRaster.h"

#include <iostream>
#include <memory>

namespace app {

namespace {

struct SymbolOptions {
    std::string sidc, out;
    int size = 100;
    geo::SymbolAmplifiers amplifiers;
    std::string country;
};

} // namespace

Command addSymbolCommand(CLI::App& cli) {
    auto o = std::make_shared<SymbolOptions>();
    CLI::App* c = cli.add_subcommand(
        "symbol", "Write one APP-6 / MIL-STD-2525 symbol as a PNG on a transparent background, as milsymbol "
                  "draws it, and print what it means in words");
    c->add_option("sidc", o->sidc, "The symbol's code: 20 digits (2525D / APP-6D) or 15 letters (2525C)")->required();
    c->add_option("--out", o->out, "The PNG file to write")->required();
    c->add_option("--size", o->size, "milsymbol's size: the height of a land unit's frame, in pixels")
        ->check(CLI::Range(8, 1024))
        ->capture_default_str();
    c->add_option("--unique-designation", o->amplifiers.uniqueDesignation, "Amplifier T: the unit's designation");
    c->add_option("--higher-formation", o->amplifiers.higherFormation, "Amplifier M: the higher formation");
    c->add_option("--staff-comments", o->amplifiers.staffComments, "Amplifier G: staff comments");
    c->add_option("--additional-information", o->amplifiers.additionalInformation, "Amplifier H");
    c->add_option("--country", o->country, "Country amplifier (ISO 3166-1 alpha-2)");
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const auto sidc = geo::parseSidc(o->sidc);
        if (!sidc) throw UsageError(sidc.failure().what);
        geo::checkOutputPath(o->out);
        auto library = geo::SymbolLibrary::start();
        if (!library) throw UsageError(library.failure().message());
        auto drawn = library.value()->draw({{sidc.value().code, double(o->size), o->amplifiers, o->country, true}});
        if (!drawn) throw UsageError(drawn.failure().message());
        const geo::SymbolDrawing& d = drawn.value().front();
        if (!d.error.empty()) throw UsageError("SIDC '" + o->sidc + "': " + d.error);
        if (!d.icon)
            throw UsageError("SIDC '" + o->sidc + "': entity " + sidc.value().entity +
                             " is not one the symbol library (milsymbol " + library.value()->version() + ") knows");
        auto image = geo::rasterizeSvg(d.svg, false);
        if (!image) throw UsageError("SIDC '" + o->sidc + "': " + image.failure().what);
        writePng(o->out, image.value().pixels, uint32_t(image.value().width), uint32_t(image.value().height));
        std::cout << o->out << ": " << image.value().width << "x" << image.value().height << ", "
                  << geo::describeSidc(sidc.value(), d.entityName()) << std::endl;
        return 0;
    };
}

} // namespace app
