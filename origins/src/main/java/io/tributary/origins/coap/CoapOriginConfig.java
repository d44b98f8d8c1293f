package io.tributary.origins.coap;

import static io.tributary.origins.coap.CoapOriginType.BIND;
import static io.tributary.origins.coap.CoapOriginType.BLOCK_TIMEOUT_MS;
import static io.tributary.origins.coap.CoapOriginType.DEDUP;
import static io.tributary.origins.coap.CoapOriginType.DEDUP_MAX_ENTRIES;
import static io.tributary.origins.coap.CoapOriginType.DEDUP_PEER_MESSAGES;
import static io.tributary.origins.coap.CoapOriginType.DTLS_ENABLED;
import static io.tributary.origins.coap.CoapOriginType.EXCHANGE_LIFETIME_MS;
import static io.tributary.origins.coap.CoapOriginType.MAX_BODY_BYTES;
import static io.tributary.origins.coap.CoapOriginType.MAX_INFLIGHT;
import static io.tributary.origins.coap.CoapOriginType.MAX_INFLIGHT_BYTES;
import static io.tributary.origins.coap.CoapOriginType.NON_LIFETIME_MS;
import static io.tributary.origins.coap.CoapOriginType.PATHS;
import static io.tributary.origins.coap.CoapOriginType.PORT;
import static io.tributary.origins.coap.CoapOriginType.SEPARATE_RESPONSE_AFTER_MS;

import io.tributary.config.ConfigException;
import io.tributary.config.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated settings of one CoAP origin, with its DTLS credentials loaded (so a missing certificate fails at
 * create time, naming its key).
 *
 * @param dtls the DTLS credentials, or null when DTLS is off
 */
record CoapOriginConfig(String bind, int port, List<String> paths, int maxBodyBytes, int maxInflight,
        long maxInflightBytes, long separateResponseAfterMs, long exchangeLifetimeMs, long nonLifetimeMs, String dedup,
        int dedupMaxEntries, int dedupPeerMessages, long blockTimeoutMs, DtlsCredentials dtls) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%-]+");

    static CoapOriginConfig from(Settings s) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        List<String> paths = paths(s.get(PATHS), problems);
        boolean dtlsEnabled = s.get(DTLS_ENABLED);
        DtlsCredentials dtls = dtlsEnabled ? DtlsCredentials.load(s, problems) : null;
        int port = s.isSet(PORT) ? s.get(PORT) : dtlsEnabled ? 5684 : 5683;
        if (s.get(MAX_INFLIGHT_BYTES) < s.get(MAX_BODY_BYTES)) {
            problems.add(new ConfigException.Problem(MAX_INFLIGHT_BYTES.name(), "must be at least max.body.bytes ("
                    + s.get(MAX_BODY_BYTES) + "), or a largest request could never be taken"));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new CoapOriginConfig(s.get(BIND), port, paths, s.get(MAX_BODY_BYTES), s.get(MAX_INFLIGHT),
                s.get(MAX_INFLIGHT_BYTES), s.get(SEPARATE_RESPONSE_AFTER_MS), s.get(EXCHANGE_LIFETIME_MS),
                s.get(NON_LIFETIME_MS), s.get(DEDUP), s.get(DEDUP_MAX_ENTRIES), s.get(DEDUP_PEER_MESSAGES),
                s.get(BLOCK_TIMEOUT_MS), dtls);
    }

    /** Paths without leading or trailing slashes, each segment a plain URI path segment; no duplicates. */
    private static List<String> paths(List<String> raw, List<ConfigException.Problem> problems) {
        Set<String> paths = new LinkedHashSet<>();
        for (String p : raw) {
            String path = p.trim();
            while (path.startsWith("/")) path = path.substring(1);
            while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            boolean valid = !path.isEmpty() && !path.startsWith(".well-known");
            for (String segment : path.split("/", -1)) valid &= SEGMENT.matcher(segment).matches();
            if (!valid) {
                problems.add(new ConfigException.Problem(PATHS.name(), "invalid value '" + p
                        + "': a resource path needs one or more non-empty segments like mall/sensors, and may "
                        + "not be under .well-known"));
            } else if (!paths.add(path)) {
                problems.add(new ConfigException.Problem(PATHS.name(), "path '" + path + "' is listed twice"));
            }
        }
        if (raw.isEmpty()) problems.add(new ConfigException.Problem(PATHS.name(), "needs at least one path"));
        return List.copyOf(paths);
    }

    String scheme() {
        return dtls == null ? "coap" : "coaps";
    }
}
