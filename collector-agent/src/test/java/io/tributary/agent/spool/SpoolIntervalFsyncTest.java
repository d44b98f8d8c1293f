package io.tributary.agent.spool;

import io.tributary.agent.config.SpoolConfig;

/** The spool contract with {@code fsync: interval}. */
class SpoolIntervalFsyncTest extends SpoolTest {
    @Override
    protected SpoolConfig config(long maxBytes, long segmentBytes, String whenFull) {
        return SpoolTesting.config(dir, maxBytes, segmentBytes, "interval", whenFull);
    }
}
