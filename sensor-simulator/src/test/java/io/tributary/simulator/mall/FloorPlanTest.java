package io.tributary.simulator.mall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorPlanTest {
    static Polygon rect(double x0, double y0, double x1, double y1) {
        return new Polygon(List.of(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1)));
    }

    /** A T: a main corridor along y = 10 and a branch up from (20, 10); a store off each. */
    static FloorPlan tee(Point branchDoor) {
        return new FloorPlan(
                List.of(new Corridor("main", List.of(new Point(0, 10), new Point(40, 10)), 4),
                        new Corridor("branch", List.of(new Point(20, 10), new Point(20, 30)), 4)),
                List.of(new Store("a", rect(5, 0, 15, 8), new Point(10, 8), 1, Double.NaN, Double.NaN),
                        new Store("b", rect(22, 20, 30, 28), branchDoor, 1, Double.NaN, Double.NaN)),
                List.of(new Entrance("west", new Point(0, 10), 1)), List.of(), 3);
    }

    @Test
    void zonesAndTheWalkableFloor() {
        FloorPlan plan = tee(new Point(22, 24));
        assertEquals("a", plan.zoneAt(new Point(10, 4)));
        assertEquals("main", plan.zoneAt(new Point(30, 11.9)));
        assertEquals("branch", plan.zoneAt(new Point(21, 25)));
        assertEquals("a", plan.zoneAt(new Point(10, 8)), "a door belongs to its store");
        assertNull(plan.zoneAt(new Point(30, 15)));
        assertFalse(plan.isWalkable(new Point(-2.5, 10)));
        assertTrue(plan.isWalkable(new Point(-1.9, 10)), "corridor ends are rounded");
    }

    @Test
    void routesFollowTheCorridorsThroughTheJunction() {
        FloorPlan plan = tee(new Point(22, 24));
        assertTrue(plan.check().isEmpty(), plan.check().toString());
        NavGraph g = plan.graph();
        int[] route = g.route(g.entranceNode(0), g.doorNode(1));
        List<Point> points = java.util.Arrays.stream(route).mapToObj(g::node).toList();
        assertEquals(new Point(0, 10), points.get(0));
        assertTrue(points.contains(new Point(20, 10)), "through the junction: " + points);
        assertEquals(new Point(20, 24), points.get(points.size() - 2), "to the foot of the door");
        assertEquals(new Point(22, 24), points.get(points.size() - 1));
        assertEquals(0, g.radius(route[0]));
        assertEquals(0.6 * 2, g.radius(route[1]), 1e-9);
    }

    @Test
    void wallsAndStoreOutlinesAttenuate() {
        FloorPlan plan = new FloorPlan(List.of(new Corridor("c", List.of(new Point(0, 10), new Point(40, 10)), 4)),
                List.of(new Store("a", rect(5, 0, 15, 8), new Point(10, 8), 1, Double.NaN, Double.NaN)),
                List.of(new Entrance("w", new Point(0, 10), 1)),
                List.of(new Wall(new Segment(new Point(20, 0), new Point(20, 20)), 10)), 3);
        assertEquals(0, plan.wallLoss(1, 10, 19, 10));
        assertEquals(10, plan.wallLoss(1, 10, 30, 10));
        assertEquals(3, plan.wallLoss(10, 4, 10, 10), "out of the store through one outline");
        assertEquals(6 + 10, plan.wallLoss(0, 4, 30, 4), "through the store and the wall");
    }

    @Test
    void problemsNameTheirKeys() {
        FloorPlan offCorridor = tee(new Point(30, 24));
        assertEquals(List.of("floorplan.stores[1].door"), offCorridor.check().stream().map(ConfigException.Problem::key)
                .toList());
        FloorPlan lShaped = new FloorPlan(List.of(new Corridor("c", List.of(new Point(0, 10), new Point(40, 10)), 4)),
                List.of(new Store("l", new Polygon(List.of(new Point(0, 0), new Point(10, 0), new Point(10, 4),
                        new Point(5, 4), new Point(5, 8), new Point(0, 8))), new Point(2, 8), 1, Double.NaN,
                        Double.NaN)),
                List.of(new Entrance("w", new Point(0, 10), 1)), List.of(), 0);
        assertTrue(lShaped.check().get(0).message().contains("convex"), lShaped.check().toString());
        FloorPlan island = new FloorPlan(List.of(new Corridor("c", List.of(new Point(0, 10), new Point(10, 10)), 4),
                new Corridor("island", List.of(new Point(20, 10), new Point(30, 10)), 4)),
                List.of(new Store("far", rect(22, 0, 28, 8), new Point(25, 8), 1, Double.NaN, Double.NaN)),
                List.of(new Entrance("w", new Point(0, 10), 1)), List.of(), 0);
        assertEquals("floorplan.stores[0].door", island.check().get(0).key());
        assertTrue(island.check().get(0).message().contains("cannot be reached"));
    }
}
