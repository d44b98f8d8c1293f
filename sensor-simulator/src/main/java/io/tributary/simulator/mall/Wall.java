package io.tributary.simulator.mall;

/** A wall that attenuates radio signals crossing it; it does not stop walking (corridors define that). */
public record Wall(Segment segment, double attenuationDb) {
}
