package io.tributary.simulator.shoppers;

import io.tributary.simulator.mall.FloorPlan;
import io.tributary.simulator.mall.NavGraph;
import io.tributary.simulator.scenario.DeviceSpec;
import io.tributary.simulator.scenario.PopulationSpec;

/** What every shopper of a run shares: the mall, how people move, and how phones behave. */
public record ShopperContext(FloorPlan plan, NavGraph graph, PopulationSpec population, DeviceSpec devices,
        long startEpochMs, String mallId) {
}
