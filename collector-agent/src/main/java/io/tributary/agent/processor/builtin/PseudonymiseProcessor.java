package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.ProcessingException;
import io.tributary.agent.processor.Processor;
import io.tributary.record.FieldPath;
import io.tributary.record.FieldType;
import io.tributary.record.Record;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces values with their HMAC-SHA256; see {@link PseudonymiseProcessorType}. Thread-safe: a {@link Mac}
 * is stateful, so each thread keys its own.
 */
final class PseudonymiseProcessor implements Processor {
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final List<FieldPath> fields;
    private final String keyId;
    private final boolean normalizeMac;
    private final boolean base64url;
    private final int truncateBytes;
    private final ThreadLocal<Mac> mac;

    PseudonymiseProcessor(List<FieldPath> fields, byte[] key, String keyId, boolean normalizeMac, boolean base64url,
            int truncateBytes) {
        this.fields = List.copyOf(fields);
        this.keyId = keyId;
        this.normalizeMac = normalizeMac;
        this.base64url = base64url;
        this.truncateBytes = truncateBytes;
        SecretKeySpec secret = new SecretKeySpec(key, ALGORITHM);
        newMac(secret); // fails at create time, not on the first record, when HmacSHA256 is unavailable
        this.mac = ThreadLocal.withInitial(() -> newMac(secret));
    }

    private static Mac newMac(SecretKeySpec secret) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(secret);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    @Override
    public boolean process(Record record) {
        boolean changed = false;
        for (FieldPath field : fields) {
            Object value = record.get(field);
            if (value == null) continue;
            record.set(field, pseudonymise(field, value));
            changed = true;
        }
        if (changed) record.header().attribute(PseudonymiseProcessorType.KEY_ID_ATTRIBUTE, keyId);
        return true;
    }

    private Object pseudonymise(FieldPath field, Object value) {
        if (value instanceof String s) return pseudonym(s);
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (item == null) {
                    out.add(null);
                } else if (item instanceof String s) {
                    out.add(pseudonym(s));
                } else {
                    throw notString(field, item);
                }
            }
            return out;
        }
        throw notString(field, value);
    }

    private String pseudonym(String value) {
        String input = normalizeMac ? mac(value) : value;
        byte[] hash = mac.get().doFinal(input.getBytes(StandardCharsets.UTF_8));
        if (base64url) return BASE64URL.encodeToString(truncateBytes == hash.length ? hash : slice(hash));
        return HEX.formatHex(hash, 0, truncateBytes);
    }

    private byte[] slice(byte[] hash) {
        byte[] out = new byte[truncateBytes];
        System.arraycopy(hash, 0, out, 0, truncateBytes);
        return out;
    }

    private static String mac(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':' || c == '-' || c == '.' || Character.isWhitespace(c)) continue;
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static ProcessingException notString(FieldPath field, Object value) {
        return new ProcessingException(ErrorCodes.PSEUDONYMISE_NOT_STRING, "field '" + field + "' holds a "
                + FieldType.of(value).name().toLowerCase(Locale.ROOT) + ", not a string");
    }
}
