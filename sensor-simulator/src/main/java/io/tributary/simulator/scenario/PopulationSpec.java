package io.tributary.simulator.scenario;

import java.util.List;

/**
 * Who comes to the mall and how they move (scenario section {@code population}).
 *
 * @param arrivalsPerHour 24 mean arrival rates, one per local hour of the day
 * @param recurringShare share of arrivals that are recurring visitors (known shopper and device ids)
 * @param recurringPoolSize how many recurring visitors exist; each comes at most once per simulated day
 * @param dwellMedianS median of the log-normal dwell time in a store
 * @param dwellSigma sigma of the log of the dwell time
 */
public record PopulationSpec(double[] arrivalsPerHour, double recurringShare, int recurringPoolSize,
        double optOutShare, List<String> segments, double[] segmentWeights, List<String> ageBands,
        double[] ageBandWeights, double storesPerVisitMean, double dwellMedianS, double dwellSigma,
        double walkingSpeedMinMps, double walkingSpeedMaxMps, double walkingSpeedNoise, double browsingSpeedMps,
        double browsingPauseMeanS) {
}
