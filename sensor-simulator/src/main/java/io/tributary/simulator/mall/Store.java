package io.tributary.simulator.mall;

/**
 * A store: a convex polygon with a door on its boundary that opens onto a corridor.
 *
 * @param popularity relative weight when shoppers pick stores
 * @param dwellMedianS median dwell time in seconds, or NaN for the population's
 * @param dwellSigma sigma of the log of the dwell time, or NaN for the population's
 */
public record Store(String name, Polygon polygon, Point door, double popularity, double dwellMedianS,
        double dwellSigma) {
}
