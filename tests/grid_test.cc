#include "layout/grid.h"

#include <gtest/gtest.h>

TEST(Grid, Empty) {
  jixiao::PageImage page;
  EXPECT_TRUE(jixiao::FindGrids(page).empty());
}
