package io.tributary.simulator.radio;

/**
 * The radio model of one kind of radio (scenario section {@code radio.wifi} / {@code radio.ble}).
 *
 * @param referencePowerDbm P0, the mean RSSI at the reference distance
 * @param referenceDistanceM d0
 * @param pathLossExponent n
 * @param noiseSigmaDb sigma of the Gaussian shadowing noise
 * @param dropoutProbability chance that a sensor misses an emission it could hear
 * @param sensitivityDbm weakest RSSI a sensor reports
 */
public record RadioProfile(double referencePowerDbm, double referenceDistanceM, double pathLossExponent,
        double noiseSigmaDb, double dropoutProbability, double sensitivityDbm) {
}
