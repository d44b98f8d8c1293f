package io.tributary.origins.coap;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import java.util.List;

/**
 * The {@code coap} origin: a CoAP server (Eclipse Californium) taking POST and PUT on configured resource paths,
 * over UDP or DTLS (Scandium), answering 2.04 Changed only once the payload is durable.
 */
public final class CoapOriginType implements OriginType {
    static final int MIB = 1024 * 1024;

    static final Option<String> BIND = Option.string("bind", "127.0.0.1",
            "Address to listen on; 0.0.0.0 for every IPv4 interface.");
    static final Option<Integer> PORT = Option.intValue("port", 5683, 0, 65535,
            "UDP port; 0 picks a free one (describe() tells which). Defaults to 5683, or 5684 with dtls.enabled.");
    static final Option<List<String>> PATHS = Option.list("paths", List.of("ingest"),
            "Resource paths taking POST and PUT, e.g. ingest or mall/sensors; other paths answer 4.04, other "
                    + "methods 4.05.");
    static final Option<Integer> MAX_BODY_BYTES = Option.intValue("max.body.bytes", MIB, 1, 64 * MIB,
            "Largest request body, also when assembled from BLOCK1 blocks; larger ones answer 4.13 Request Entity "
                    + "Too Large with Size1 set to this.");
    static final Option<Integer> MAX_INFLIGHT = Option.intValue("max.inflight", 2048, 1, 1_000_000,
            "Requests handed to the pipeline and not yet durable; more answer 5.03 with Max-Age 1.");
    static final Option<Long> MAX_INFLIGHT_BYTES = Option.longValue("max.inflight.bytes", 64L * MIB, 1,
            Long.MAX_VALUE, "Body bytes of the requests in flight; more answer 5.03 with Max-Age 1.");
    static final Option<Long> SEPARATE_RESPONSE_AFTER_MS = Option.longValue("separate.response.after.ms", 1000,
            -1, 60_000, "A CON request not durable after this long gets an empty ACK, and its 2.04 later comes as a "
                    + "separate CON response; until then the answer is piggy-backed on the ACK. -1 never sends the "
                    + "early ACK. Keep it under the clients' ACK timeout (2 s by default) to spare retransmissions.");
    static final Option<Long> EXCHANGE_LIFETIME_MS = Option.longValue("exchange.lifetime.ms", 10_000, 1000,
            247_000, "How long a received request is remembered to recognise its duplicates (Californium "
                    + "EXCHANGE_LIFETIME, RFC default 247 s). Longer catches later retransmissions; memory grows "
                    + "with rate x lifetime, capped by dedup.max.entries.");
    static final Option<Long> NON_LIFETIME_MS = Option.longValue("non.lifetime.ms", 10_000, 1000, 145_000,
            "Californium NON_LIFETIME (RFC default 145 s): how long NON message state is kept.");
    static final Option<String> DEDUP = Option.choice("dedup", "peers_mark_and_sweep",
            "Duplicate detection: peers_mark_and_sweep (at most dedup.peer.messages per client), mark_and_sweep, "
                    + "crop_rotation, or none (every retransmission becomes another payload).",
            "peers_mark_and_sweep", "mark_and_sweep", "crop_rotation", "none");
    static final Option<Integer> DEDUP_MAX_ENTRIES = Option.intValue("dedup.max.entries", 100_000, 1, 10_000_000,
            "Most requests remembered for duplicate detection; when full, new requests are not remembered until "
                    + "the next sweep (counted in tributary.coap.dedup.overflow).");
    static final Option<Integer> DEDUP_PEER_MESSAGES = Option.intValue("dedup.peer.messages", 64, 4, 100_000,
            "Requests remembered per client with dedup peers_mark_and_sweep.");
    static final Option<Long> BLOCK_TIMEOUT_MS = Option.longValue("block.timeout.ms", 60_000, 1000, 600_000,
            "A BLOCK1 upload with no new block for this long is dropped.");

    static final Option<Boolean> DTLS_ENABLED = Option.bool("dtls.enabled", false,
            "Serve coaps:// (DTLS 1.2, Scandium) instead of coap://; needs PSK credentials and/or a certificate.");
    static final Option<String> DTLS_PSK_IDENTITY = Option.string("dtls.psk.identity", null,
            "PSK identity (with dtls.psk.secret).");
    static final Option<String> DTLS_PSK_SECRET = Option.string("dtls.psk.secret", null,
            "PSK secret: text (UTF-8), or hex:<hex digits>.");
    static final Option<List<String>> DTLS_PSK = Option.list("dtls.psk", List.of(),
            "More PSK credentials, each identity=secret (secret as in dtls.psk.secret).");
    static final Option<String> DTLS_CERT_FILE = Option.string("dtls.cert.file", null,
            "PEM file with the server certificate chain (with dtls.key.file, unless it holds the key too).");
    static final Option<String> DTLS_KEY_FILE = Option.string("dtls.key.file", null,
            "PEM file with the server's private key (PKCS#8, or an EC/RSA key).");
    static final Option<String> DTLS_KEYSTORE_FILE = Option.string("dtls.keystore.file", null,
            "PKCS12 keystore with the server key and certificate chain (instead of dtls.cert.file).");
    static final Option<String> DTLS_KEYSTORE_PASSWORD = Option.string("dtls.keystore.password", "",
            "Password of dtls.keystore.file (and of its key).");
    static final Option<String> DTLS_CLIENT_AUTH = Option.choice("dtls.client.auth", "none",
            "Client certificates: none, wanted (verified when sent) or needed.", "none", "wanted", "needed");
    static final Option<String> DTLS_TRUSTSTORE_FILE = Option.string("dtls.truststore.file", null,
            "CA certificates that client certificates must chain to: a PEM file, or a PKCS12 truststore.");
    static final Option<String> DTLS_TRUSTSTORE_PASSWORD = Option.string("dtls.truststore.password", "",
            "Password of a PKCS12 dtls.truststore.file.");

    private static final OptionSet OPTIONS = OptionSet.of(BIND, PORT, PATHS, MAX_BODY_BYTES, MAX_INFLIGHT,
            MAX_INFLIGHT_BYTES, SEPARATE_RESPONSE_AFTER_MS, EXCHANGE_LIFETIME_MS, NON_LIFETIME_MS, DEDUP,
            DEDUP_MAX_ENTRIES, DEDUP_PEER_MESSAGES, BLOCK_TIMEOUT_MS, DTLS_ENABLED, DTLS_PSK_IDENTITY,
            DTLS_PSK_SECRET, DTLS_PSK, DTLS_CERT_FILE, DTLS_KEY_FILE, DTLS_KEYSTORE_FILE, DTLS_KEYSTORE_PASSWORD,
            DTLS_CLIENT_AUTH, DTLS_TRUSTSTORE_FILE, DTLS_TRUSTSTORE_PASSWORD);

    @Override
    public String name() {
        return "coap";
    }

    @Override
    public String description() {
        return "CoAP server (UDP or DTLS): POST/PUT on resource paths, 2.04 once durable, 5.03 with Max-Age under "
                + "back-pressure.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Origin create(Settings settings, OriginContext context) {
        CoapOriginConfig config = CoapOriginConfig.from(settings);
        return new CoapOrigin(config, context);
    }
}
