package io.tributary.simulator.scenario;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import io.tributary.simulator.mall.Corridor;
import io.tributary.simulator.mall.Entrance;
import io.tributary.simulator.mall.FloorPlan;
import io.tributary.simulator.mall.Point;
import io.tributary.simulator.mall.Polygon;
import io.tributary.simulator.mall.Segment;
import io.tributary.simulator.mall.Store;
import io.tributary.simulator.mall.Wall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code floorplan} section. */
final class PlanReader {
    static final Option<Double> STORE_WALL_DB = Option.doubleValue("store.wall.attenuation.db", 3,
            "Attenuation of every store outline crossed by a radio path, in dB.").validate(PlanReader::nonNegative);
    static final Option<String> ZONE_NAME = Option.string("name", null, "Unique name (the zone in the truth).")
            .required().validate(PlanReader::name);
    static final Option<Double> CORRIDOR_WIDTH = Option.doubleValue("width.m", 4, "Corridor width in metres.")
            .validate(v -> v > 0.5 ? null : "must be more than 0.5 m");
    static final Option<Double> POPULARITY = Option.doubleValue("popularity", 1,
            "Relative weight of the store when shoppers choose where to go.").validate(PlanReader::nonNegative);
    static final Option<Double> DWELL_MEDIAN = Option.doubleValue("dwell.median.s", Double.NaN,
            "Median dwell time in seconds (log-normal); default the population's.")
            .validate(v -> v > 0 ? null : "must be positive");
    static final Option<Double> DWELL_SIGMA = Option.doubleValue("dwell.sigma", Double.NaN,
            "Sigma of the log of the dwell time; default the population's.").validate(PlanReader::nonNegative);
    static final Option<Double> WEIGHT = Option.doubleValue("weight", 1,
            "Relative share of arrivals and departures through this entrance.").validate(PlanReader::nonNegative);
    static final Option<Double> WALL_DB = Option.doubleValue("attenuation.db", 10, "Attenuation in dB.")
            .validate(PlanReader::nonNegative);

    private PlanReader() {
    }

    static FloorPlan read(Section node) {
        if (node == null) return null;
        Settings settings = node.settingsExcept(OptionSet.of(STORE_WALL_DB), "corridors", "stores", "entrances", "walls");
        Set<String> names = new HashSet<>();
        List<Corridor> corridors = new ArrayList<>();
        for (Section c : node.list("corridors", true)) {
            Settings s = c.settingsExcept(OptionSet.of(ZONE_NAME, CORRIDOR_WIDTH), "path");
            List<Point> path = ScenarioValues.points(c, "path", 2);
            if (s != null && path != null && unique(c, s.get(ZONE_NAME), names)) {
                corridors.add(new Corridor(s.get(ZONE_NAME), path, s.get(CORRIDOR_WIDTH)));
            }
        }
        List<Store> stores = new ArrayList<>();
        for (Section st : node.list("stores", false)) {
            Settings s = st.settingsExcept(OptionSet.of(ZONE_NAME, POPULARITY, DWELL_MEDIAN, DWELL_SIGMA), "polygon", "door");
            List<Point> polygon = ScenarioValues.points(st, "polygon", 3);
            Point door = ScenarioValues.point(st, "door");
            if (s != null && polygon != null && door != null && unique(st, s.get(ZONE_NAME), names)) {
                stores.add(new Store(s.get(ZONE_NAME), new Polygon(polygon), door, s.get(POPULARITY),
                        s.get(DWELL_MEDIAN), s.get(DWELL_SIGMA)));
            }
        }
        List<Entrance> entrances = new ArrayList<>();
        Set<String> entranceNames = new HashSet<>();
        for (Section e : node.list("entrances", true)) {
            Settings s = e.settingsExcept(OptionSet.of(ZONE_NAME, WEIGHT), "position");
            Point p = ScenarioValues.point(e, "position");
            if (s != null && p != null && unique(e, s.get(ZONE_NAME), entranceNames)) {
                entrances.add(new Entrance(s.get(ZONE_NAME), p, s.get(WEIGHT)));
            }
        }
        List<Wall> walls = new ArrayList<>();
        for (Section w : node.list("walls", false)) {
            Settings s = w.settingsExcept(OptionSet.of(WALL_DB), "from", "to");
            Point from = ScenarioValues.point(w, "from");
            Point to = ScenarioValues.point(w, "to");
            if (s != null && from != null && to != null) walls.add(new Wall(new Segment(from, to), s.get(WALL_DB)));
        }
        if (settings == null) return null;
        if (!entrances.isEmpty() && entrances.stream().allMatch(e -> e.weight() == 0)) {
            node.problem("entrances", "at least one entrance needs a weight above 0");
        }
        return new FloorPlan(corridors, stores, entrances, walls, settings.get(STORE_WALL_DB));
    }

    private static boolean unique(Section node, String name, Set<String> seen) {
        if (seen.add(name)) return true;
        node.problem("name", "'" + name + "' is used twice; names must be unique");
        return false;
    }

    static String nonNegative(double v) {
        return v >= 0 && Double.isFinite(v) ? null : "must be a non-negative number";
    }

    static String name(String v) {
        return v.matches("[A-Za-z0-9._-]+") ? null : "must be made of letters, digits, '.', '_' and '-'";
    }
}
