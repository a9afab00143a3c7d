// `bulwark symbol` against the symbol library's own drawing: milsymbol called directly and its SVG
// rasterized by rsvg-convert, for every standard identity, present and planned, echelons from team to
// army, headquarters and task force, land, air, sea and installations, and a 2525C letter code.
#include "Fixtures.h"

#include <array>
#include <cstdio>
#include <gtest/gtest.h>
#include <limits>
#include <stb/stb_image.h>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

//! Runs a shell command; its exit code, its output in `out`.
int run(const std::string& command, std::string* out = nullptr) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return -1;
    std::array<char, 4096> buffer{};
    std::string text;
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) text.append(buffer.data(), n);
    const int status = pclose(pipe);
    if (out) *out = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
};

Image readPng(const fs::path& path) {
    Image image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
    if (!data) return image;
    image.rgba.assign(data, data + size_t(image.width) * size_t(image.height) * 4);
    stbi_image_free(data);
    return image;
}

//! Mean difference per channel (0..255) of colour weighted by alpha, and alpha, over both images
//! laid on one canvas by their top-left corners (outside an image is transparent).
double difference(const Image& a, const Image& b) {
    const int w = std::max(a.width, b.width), h = std::max(a.height, b.height);
    const auto at = [](const Image& i, int x, int y, int c) -> double {
        if (x >= i.width || y >= i.height) return 0;
        const unsigned char* p = &i.rgba[(size_t(y) * size_t(i.width) + size_t(x)) * 4];
        return c == 3 ? p[3] : p[c] * (p[3] / 255.0);
    };
    double sum = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 4; ++c) sum += std::abs(at(a, x, y, c) - at(b, x, y, c));
    return w * h == 0 ? std::numeric_limits<double>::infinity() : sum / (double(w) * h * 4);
}

const std::vector<std::string> kSymbols = {
    "10031000161211000000", // friend infantry battalion
    "10061000161211000000", // hostile
    "10041000161211000000", // neutral
    "10011000161211000000", // unknown
    "10031010161211000000", // planned: dashed frame
    "10031000111205000000", // team, armour
    "10031000141205000000", // platoon
    "10031000151205000000", // company
    "10031000181205000000", // brigade
    "10031000211205000000", // division
    "10031000221205000000", // corps
    "10031000231205000000", // army
    "10031002181211000000", // headquarters
    "10031004151211000000", // task force
    "10030100001101040000", // air: fighter
    "10063000001204050000", // sea: hostile mine countermeasures vessel
    "10032000001213010000", // installation: air base
    "SFGPUCI----D---",      // 2525C letter code: friend infantry platoon
};

TEST(SymbolCommand, DrawsEachSymbolAsTheLibraryDoes) {
    geo::test::TempDir dir;
    const int size = 40;
    std::string codes, out;
    for (const std::string& code : kSymbols) codes += " " + code;
    ASSERT_EQ(run("BULWARK_SYMBOLS='" BULWARK_SOURCE_DIR "/assets/symbols' node '" BULWARK_SOURCE_DIR
                  "/tests/data/symbols/reference.js' '" +
                      dir.path().string() + "' " + std::to_string(size) + codes,
                  &out),
              0)
        << out;
    std::vector<Image> ours, theirs;
    for (size_t i = 0; i < kSymbols.size(); ++i) {
        const fs::path svg = dir / (std::to_string(i) + ".svg"), reference = dir / (std::to_string(i) + "-ref.png"),
                       drawn = dir / (std::to_string(i) + ".png");
        ASSERT_EQ(run("rsvg-convert '" + svg.string() + "' -o '" + reference.string() + "'", &out), 0) << out;
        ASSERT_EQ(run("'" BULWARK_EXE "' symbol " + kSymbols[i] + " --size " + std::to_string(size) + " --out '" +
                          drawn.string() + "'",
                      &out),
                  0)
            << kSymbols[i] << ": " << out;
        theirs.push_back(readPng(reference));
        ours.push_back(readPng(drawn));
        ASSERT_GT(ours.back().width, 0) << kSymbols[i];
        EXPECT_EQ(ours.back().width, theirs.back().width) << kSymbols[i];
        EXPECT_EQ(ours.back().height, theirs.back().height) << kSymbols[i];
    }
    for (size_t i = 0; i < kSymbols.size(); ++i) {
        const double own = difference(ours[i], theirs[i]);
        EXPECT_LT(own, 0.5) << kSymbols[i] << ": mean error against the library's own drawing";
        for (size_t j = 0; j < kSymbols.size(); ++j)
            if (j != i)
                EXPECT_LT(own, difference(ours[i], theirs[j]))
                    << kSymbols[i] << " is as close to " << kSymbols[j] << " as to itself";
    }
}

TEST(SymbolCommand, SaysWhatItDrewAndRefusesBadCodesInOneLine) {
    geo::test::TempDir dir;
    const std::string png = (dir / "s.png").string();
    std::string out;
    ASSERT_EQ(run("'" BULWARK_EXE "' symbol 10031010161211000000 --size 30 --out '" + png + "'", &out), 0) << out;
    EXPECT_NE(out.find("Friend · Infantry · Battalion · Planned"), std::string::npos) << out;
    for (const char* bad : {"1003101016121100000", "10031010161299990000", "10091010161211000000", "hello"}) {
        const std::string bad_png = (dir / "bad.png").string();
        EXPECT_EQ(run("'" BULWARK_EXE "' symbol " + std::string(bad) + " --out '" + bad_png + "'", &out), 2) << bad;
        EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
        EXPECT_EQ(out.rfind("bulwark: SIDC '", 0), 0u) << out;
        EXPECT_FALSE(fs::exists(bad_png));
    }
    EXPECT_EQ(
        run("BULWARK_SYMBOLS=/nonexistent '" BULWARK_EXE "' symbol 10031010161211000000 --out '" + png + "'", &out), 2);
    EXPECT_NE(out.find("symbol library /nonexistent"), std::string::npos) << out;
    EXPECT_EQ(run("'" BULWARK_EXE "' symbol --help", &out), 0);
    EXPECT_NE(out.find("--size"), std::string::npos);
}

} // namespace
