package io.tributary.simulator.mall;

/** A mall entrance on a corridor; {@code weight} is its relative share of arrivals and departures. */
public record Entrance(String name, Point position, double weight) {
}
