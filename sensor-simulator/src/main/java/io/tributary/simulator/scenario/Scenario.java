package io.tributary.simulator.scenario;

import io.tributary.simulator.mall.FloorPlan;
import io.tributary.simulator.radio.RadioKind;
import io.tributary.simulator.radio.RadioProfile;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A validated scenario: the mall, its sensors and their reporting, the shoppers, the radio model, the faults.
 * Built by {@link ScenarioLoader}; immutable.
 *
 * @param start the simulated clock's start
 * @param zone the time zone of the hourly arrival profile
 * @param durationMs the default run length
 * @param tickMs the simulation step; divides 1000
 * @param seed the default seed
 */
public record Scenario(String name, String mallId, Instant start, ZoneId zone, long durationMs, int tickMs, long seed,
        FloorPlan floorPlan, List<SensorSpec> sensors, Map<RadioKind, RadioProfile> radio, PopulationSpec population,
        DeviceSpec devices, List<GroupSpec> groups, List<FaultSpec> faults, TruthSpec truth) {
}
