package io.tributary.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.simulator.Rng;
import org.junit.jupiter.api.Test;

/** The log-distance model against its formula, statistically: residual mean 0 and sigma as configured. */
class PathLossTest {
    static final RadioProfile PROFILE = new RadioProfile(-45, 1, 2.8, 4, 0, -200);

    @Test
    void residualsHaveMeanZeroAndTheConfiguredSigmaAtEveryDistance() {
        PathLoss model = new PathLoss(PROFILE, -45, 2.8, 0);
        Rng rng = Rng.of(1, "test");
        int n = 40_000;
        for (double d : new double[] {1, 2.5, 5, 10, 20, 40}) {
            double expected = -45 - 10 * 2.8 * Math.log10(d);
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double r = model.sample(d, 0, rng) - expected;
                sum += r;
                sumSq += r * r;
            }
            double mean = sum / n;
            double sd = Math.sqrt(sumSq / n - mean * mean);
            // Standard errors at n = 40000: 0.02 dB for the mean, 0.014 dB for sigma.
            assertEquals(0, mean, 0.1, "mean residual at " + d + " m");
            assertEquals(4, sd, 0.07, "sigma at " + d + " m");
        }
    }

    @Test
    void wallsSubtractTheirAttenuationAndCalibrationShiftsTheCurve() {
        PathLoss calibrated = new PathLoss(new RadioProfile(-45, 1, 2.8, 0, 0, -200), -50, 3.0, 2);
        assertEquals(-50 - 30 * Math.log10(8) + 2, calibrated.mean(8), 1e-9);
        Rng rng = Rng.of(2, "test");
        assertEquals(calibrated.mean(8) - 12, calibrated.sample(8, 12, rng), 1e-9);
        assertEquals(calibrated.mean(1), calibrated.mean(0.2), 1e-9, "closer than d0 counts as d0");
    }

    @Test
    void weakSignalsAndDropoutsAreNotHeard() {
        PathLoss model = new PathLoss(new RadioProfile(-45, 1, 2.8, 4, 0.25, -80), -45, 2.8, 0);
        Rng rng = Rng.of(3, "test");
        int heard = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            double r = model.sample(2, 0, rng);
            if (!Double.isNaN(r)) {
                heard++;
                assertTrue(r >= -80);
            }
        }
        assertEquals(0.75, heard / (double) n, 0.015, "share heard with 25% dropout");
        int far = 0;
        for (int i = 0; i < 1000; i++) if (!Double.isNaN(model.sample(200, 0, rng))) far++;
        assertEquals(0, far, "200 m is far below sensitivity");
        assertTrue(model.rangeM() > 20 && model.rangeM() < 100, "range " + model.rangeM());
    }
}
