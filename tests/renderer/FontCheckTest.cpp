// Fonts stb_truetype cannot read safely are refused before it sees them; good fonts pass.
#include "renderer/FontCheck.h"
#include "renderer/GlyphAtlas.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <random>

namespace renderer {
namespace {

namespace fs = std::filesystem;

const char* kBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

std::vector<unsigned char> readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

TEST(FontCheck, EveryInstalledDejaVuFontPasses) {
    size_t checked = 0;
    for (const auto& entry : fs::directory_iterator("/usr/share/fonts/truetype/dejavu")) {
        if (entry.path().extension() != ".ttf") continue;
        EXPECT_EQ(checkFont(readBytes(entry.path())), "") << entry.path();
        ++checked;
    }
    EXPECT_GT(checked, 0u);
}

TEST(FontCheck, AFontCutShortAnywhereIsRefused) {
    const std::vector<unsigned char> font = readBytes(kBold);
    ASSERT_GT(font.size(), 100000u);
    // The last table ends up to 3 bytes of padding before the end of the file: 4 bytes less cuts into it.
    for (size_t size : {size_t(0), size_t(11), size_t(100), size_t(4096), font.size() / 2, font.size() - 4}) {
        const std::vector<unsigned char> cut(font.begin(), font.begin() + std::ptrdiff_t(size));
        EXPECT_NE(checkFont(cut), "") << size << " bytes";
        EXPECT_THROW(GlyphAtlas(cut, {}), std::runtime_error) << size << " bytes";
    }
    EXPECT_NE(checkFont(std::vector<unsigned char>(5000, 0)).find("not a TrueType font"), std::string::npos);
}

TEST(FontCheck, NamesWhatIsWrong) {
    std::vector<unsigned char> font = readBytes(kBold);
    EXPECT_NE(checkFont({font.begin(), font.begin() + 4096}).find("cut short"), std::string::npos);
    std::vector<unsigned char> otto = font;
    otto[0] = 'O', otto[1] = 'T', otto[2] = 'T', otto[3] = 'O';
    EXPECT_NE(checkFont(otto).find("CFF"), std::string::npos);
    // Rename the glyf table's tag: stb would find no outlines.
    std::vector<unsigned char> noGlyf = font;
    const unsigned tables = unsigned(font[4]) << 8 | font[5];
    for (unsigned i = 0; i < tables; ++i)
        if (std::string(noGlyf.begin() + 12 + 16 * i, noGlyf.begin() + 16 + 16 * i) == "glyf")
            noGlyf[12 + 16 * i] = 'x';
    EXPECT_EQ(checkFont(noGlyf), "lacks the 'glyf' table stb_truetype needs");
}

//! Random damage to the bytes stb follows (the table directory and the tables' first kilobytes):
//! whatever checkFont lets through, stb reads without crashing (run under ASan to see reads past the end).
TEST(FontCheck, DamagedFontsItAcceptsAreSafeToBake) {
    const std::vector<unsigned char> font = readBytes(kBold);
    std::mt19937 random(12);
    size_t accepted = 0;
    for (int trial = 0; trial < 300; ++trial) {
        std::vector<unsigned char> damaged = font;
        for (int k = 0; k < 4; ++k) {
            const size_t at = trial % 2 ? random() % 1024 : random() % damaged.size();
            damaged[at] = static_cast<unsigned char>(random());
        }
        if (!checkFont(damaged).empty()) continue;
        ++accepted;
        const GlyphAtlas atlas(damaged, {U'A', U'\u0416'});
        EXPECT_GT(atlas.height(), 0);
    }
    EXPECT_GT(accepted, 10u); // most single-byte damage lands in outlines, which stay readable
}

} // namespace
} // namespace renderer
