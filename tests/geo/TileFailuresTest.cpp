// geo/TileFailures: a failed tile waits a pause before it is asked again, and the panel's line stays while
// the source keeps failing and goes once it answers (or nothing failed for three pauses).
#include "geo/TileFailures.h"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;
using geo::TileFailures;

TEST(TileFailures, AFailedTileWaitsAPauseAndItsLineGoesWhenTheSourceAnswersAgain) {
    TileFailures failures(2s);
    const auto t0 = TileFailures::Clock::time_point{} + 100s;
    const geo::SourceTileKey a{0, {9, 570, 80}}, b{0, {9, 571, 80}};
    EXPECT_EQ(failures.problem(t0), "");
    failures.failed(a, {"ortho.tif", "cannot read tile 9/570/80"}, t0);
    EXPECT_TRUE(failures.waiting(a, t0 + 1s));
    EXPECT_FALSE(failures.waiting(b, t0 + 1s));
    EXPECT_FALSE(failures.waiting(a, t0 + 2s)) << "asked again after the pause";
    EXPECT_EQ(failures.problem(t0 + 1s), "ortho.tif: cannot read tile 9/570/80");
    failures.failed(b, {"ortho.tif", "cannot read tile 9/571/80"}, t0 + 3s);
    EXPECT_EQ(failures.problem(t0 + 3s), "ortho.tif: cannot read tile 9/571/80") << "the newest";
    ASSERT_NE(failures.failureOf(a), nullptr);
    failures.forget(b); // read at last
    EXPECT_EQ(failures.failureOf(b), nullptr);
    EXPECT_EQ(failures.problem(t0 + 3s), "ortho.tif: cannot read tile 9/570/80");
    EXPECT_EQ(failures.problem(t0 + 7s), "") << "nothing failed for three pauses";
}

} // namespace
