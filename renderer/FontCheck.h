#pragma once
// stb_truetype trusts every offset in a font file: a font cut short or damaged makes it read past the
// end (a crash) or find no glyphs (labels silently missing). checkFont looks at everything stb will
// follow before stb sees the bytes.
#include <string>
#include <vector>

namespace renderer {

//! Empty when stb_truetype can read `ttf` safely and it has the glyphs labels need (ASCII letters and
//! digits); else what is wrong, for a message "<file>: <problem>". Checks the sfnt table directory
//! (every table inside the file), the tables stb needs (cmap, head, hhea, hmtx, loca, glyf, maxp) and
//! their sizes, the cmap subtables stb may pick, loca within glyf, every glyph's outline within its
//! bytes (composites acyclic, shallow) and of a sane size, and stbtt_InitFont's result.
std::string checkFont(const std::vector<unsigned char>& ttf);

} // namespace renderer
