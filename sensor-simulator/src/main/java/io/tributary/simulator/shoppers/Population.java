package io.tributary.simulator.shoppers;

import io.tributary.simulator.Rng;
import io.tributary.simulator.scenario.DeviceSpec;
import io.tributary.simulator.scenario.PopulationSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Everyone who may come: the recurring visitors (created up front, ids {@code p-000001} on) and the one-time
 * visitors created as they arrive. A recurring visitor comes at most once per simulated day and is never in the
 * mall twice at once; when none is free, a one-time visitor comes instead. Not thread-safe.
 */
public final class Population {
    private final PopulationSpec spec;
    private final DeviceSpec devices;
    private final Rng rng;
    private final List<Profile> all = new ArrayList<>();
    private final int poolSize;
    private final long[] lastDay;
    private final boolean[] inside;

    public Population(PopulationSpec spec, DeviceSpec devices, long seed) {
        this.spec = spec;
        this.devices = devices;
        this.rng = Rng.of(seed, "population");
        this.poolSize = spec.recurringPoolSize();
        this.lastDay = new long[poolSize];
        this.inside = new boolean[poolSize];
        Arrays.fill(lastDay, Long.MIN_VALUE);
        for (int i = 0; i < poolSize; i++) all.add(create(true));
    }

    /** The profile of the next arrival on simulated day {@code day}. */
    public Profile arrive(long day) {
        boolean recurring = rng.chance(spec.recurringShare());
        if (recurring && poolSize > 0) {
            int start = rng.nextInt(poolSize);
            for (int k = 0; k < poolSize; k++) {
                int i = (start + k) % poolSize;
                if (!inside[i] && lastDay[i] != day) {
                    inside[i] = true;
                    lastDay[i] = day;
                    return all.get(i);
                }
            }
        }
        Profile p = create(false);
        all.add(p);
        return p;
    }

    /** {@code p} has left the mall. */
    public void left(Profile p) {
        if (p.recurring()) inside[index(p)] = false;
    }

    /** Every profile created so far, in id order. */
    public List<Profile> profiles() {
        return Collections.unmodifiableList(all);
    }

    private static int index(Profile p) {
        return Integer.parseInt(p.shopperId().substring(2)) - 1;
    }

    private Profile create(boolean recurring) {
        int n = all.size() + 1;
        String segment = spec.segments().get(rng.weighted(spec.segmentWeights()));
        String ageBand = spec.ageBands().get(rng.weighted(spec.ageBandWeights()));
        boolean optOut = rng.chance(spec.optOutShare());
        boolean wifi = rng.chance(devices.wifiShare());
        boolean ble = rng.chance(devices.bleShare());
        boolean randomizes = rng.chance(devices.randomizedMacShare());
        String wifiMac = Macs.global(rng);
        String bleMac = Macs.global(rng);
        return new Profile(String.format("p-%06d", n), segment, ageBand, optOut, recurring, String.format("d-%06d", n),
                randomizes, wifi ? wifiMac : null, ble ? bleMac : null);
    }
}
