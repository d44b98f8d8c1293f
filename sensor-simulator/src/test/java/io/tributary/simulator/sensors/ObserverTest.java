package io.tributary.simulator.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.simulator.mall.Corridor;
import io.tributary.simulator.mall.Entrance;
import io.tributary.simulator.mall.FloorPlan;
import io.tributary.simulator.mall.Point;
import io.tributary.simulator.mall.Segment;
import io.tributary.simulator.mall.Wall;
import io.tributary.simulator.radio.PathLoss;
import io.tributary.simulator.radio.RadioKind;
import io.tributary.simulator.radio.RadioProfile;
import io.tributary.simulator.scenario.SensorSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The readings sensors report, as whole dBm, against RSSI = P0 - 10 n log10(d/d0) - walls: a phone at a fixed
 * spot is heard by sensors at several distances, one of them behind a wall.
 */
class ObserverTest {
    @Test
    void reportedRssiMatchesTheFormulaAtSeveralDistances() {
        FloorPlan plan = new FloorPlan(List.of(new Corridor("c", List.of(new Point(0, 0), new Point(100, 0)), 4)),
                List.of(), List.of(new Entrance("e", new Point(0, 0), 1)),
                List.of(new Wall(new Segment(new Point(-1, 5), new Point(1, 5)), 10)), 0);
        RadioProfile profile = new RadioProfile(-45, 1, 2.8, 4, 0, -200);
        double[] distances = {1, 3, 8, 15, 30};
        List<Sensor> sensors = new ArrayList<>();
        for (int i = 0; i < distances.length; i++) {
            sensors.add(new Sensor(new SensorSpec("s" + i, RadioKind.WIFI, new Point(distances[i], 0), 6, -45, 2.8, 0),
                    new PathLoss(profile, -45, 2.8, 0), 5, null));
        }
        Sensor behindWall = new Sensor(new SensorSpec("w", RadioKind.WIFI, new Point(0, 8), 6, -45, 2.8, 0),
                new PathLoss(profile, -45, 2.8, 0), 5, null);
        sensors.add(behindWall);
        Observer observer = new Observer(plan, sensors, 0);
        int n = 20_000;
        for (int i = 0; i < n; i++) observer.observe(new Emission(i, 1, RadioKind.WIFI, "aa:bb:cc:dd:ee:ff", 0, 0, 0));
        for (int i = 0; i < distances.length; i++) {
            assertResiduals(sensors.get(i), -45 - 28 * Math.log10(distances[i]), n);
        }
        assertResiduals(behindWall, -45 - 28 * Math.log10(8) - 10, n);
    }

    private static void assertResiduals(Sensor s, double expected, int n) {
        assertEquals(n, s.buffer.size(), "no dropout, no sensitivity limit: every emission heard by " + s.id());
        double sum = 0;
        double sumSq = 0;
        for (Reading r : s.buffer) {
            double d = r.rssi() - expected;
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        // Rounding to whole dBm adds variance 1/12.
        assertEquals(0, mean, 0.12, "mean residual of " + s.id());
        assertEquals(Math.sqrt(16 + 1.0 / 12), sd, 0.1, "sigma of " + s.id());
    }
}
