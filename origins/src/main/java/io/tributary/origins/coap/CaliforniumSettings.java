package io.tributary.origins.coap;

import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.deduplication.CropRotation;
import org.eclipse.californium.core.network.deduplication.Deduplicator;
import org.eclipse.californium.core.network.deduplication.NoDeduplicator;
import org.eclipse.californium.core.network.deduplication.SweepDeduplicator;
import org.eclipse.californium.core.network.deduplication.SweepPerPeerDeduplicator;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/**
 * The Californium configuration of one origin. It is a private, file-less {@link Configuration} built from the
 * module definitions: Californium's standard configuration ({@code Configuration.getStandard()}) would write
 * {@code Californium3.properties} into the working directory, so the origin never uses it and passes this one to
 * every endpoint and connector.
 *
 * <p>Memory: Californium keeps every received request (with its response, to answer retransmissions) in its
 * deduplicator for the exchange lifetime. The RFC default of 247 s at 30k requests/s is 7.4M exchanges; here the
 * lifetime defaults to 10 s and the store is capped ({@link BoundedDeduplicator}).
 */
final class CaliforniumSettings {
    /** Largest single (non block-wise) datagram read; larger ones are dropped by the UDP connector. */
    static final int UDP_DATAGRAM_SIZE = 65_535;

    private CaliforniumSettings() {
    }

    static Configuration configuration(CoapOriginConfig c) {
        Configuration config = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
                DtlsConfig.DEFINITIONS, SystemConfig.DEFINITIONS);
        config.set(CoapConfig.EXCHANGE_LIFETIME, c.exchangeLifetimeMs(), TimeUnit.MILLISECONDS);
        config.set(CoapConfig.NON_LIFETIME, c.nonLifetimeMs(), TimeUnit.MILLISECONDS);
        config.set(CoapConfig.MARK_AND_SWEEP_INTERVAL, sweepIntervalMs(c), TimeUnit.MILLISECONDS);
        config.set(CoapConfig.CROP_ROTATION_PERIOD, c.exchangeLifetimeMs(), TimeUnit.MILLISECONDS);
        config.set(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES, c.dedupPeerMessages());
        config.set(CoapConfig.DEDUPLICATOR, dedupName(c.dedup()));
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, c.maxBodyBytes());
        config.set(CoapConfig.BLOCKWISE_STATUS_LIFETIME, c.blockTimeoutMs(), TimeUnit.MILLISECONDS);
        config.set(UdpConfig.UDP_DATAGRAM_SIZE, UDP_DATAGRAM_SIZE);
        return config;
    }

    /** The deduplicator the configuration names, capped at {@code dedup.max.entries}. */
    static Deduplicator deduplicator(CoapOriginConfig c, Configuration config) {
        Deduplicator inner = switch (c.dedup()) {
            case "none" -> new NoDeduplicator();
            case "mark_and_sweep" -> new SweepDeduplicator(config);
            case "crop_rotation" -> new CropRotation(config);
            default -> new SweepPerPeerDeduplicator(config);
        };
        return c.dedup().equals("none") ? inner : new BoundedDeduplicator(inner, c.dedupMaxEntries());
    }

    /** Sweeping often keeps the store near rate x lifetime and frees room promptly once it is full. */
    private static long sweepIntervalMs(CoapOriginConfig c) {
        return Math.max(250, Math.min(2000, c.exchangeLifetimeMs() / 4));
    }

    private static String dedupName(String dedup) {
        return switch (dedup) {
            case "none" -> CoapConfig.NO_DEDUPLICATOR;
            case "mark_and_sweep" -> CoapConfig.DEDUPLICATOR_MARK_AND_SWEEP;
            case "crop_rotation" -> CoapConfig.DEDUPLICATOR_CROP_ROTATION;
            default -> CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP;
        };
    }
}
