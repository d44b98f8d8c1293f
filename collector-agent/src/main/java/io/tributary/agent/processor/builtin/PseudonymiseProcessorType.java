package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.FieldPath;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;

/**
 * The {@code pseudonymise} processor: replaces string fields (MAC addresses, device serials) with their keyed
 * hash, HMAC-SHA256 under a secret key, so the same input always gives the same pseudonym under one key while
 * the input cannot be recovered or guessed without the key. The key's id goes in the record header attribute
 * {@value #KEY_ID_ATTRIBUTE}, so consumers can tell pseudonyms made under different keys apart after a
 * rotation.
 *
 * <p>The key is never echoed in error messages; give it through an environment variable ({@code key: ${KEY}}).
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class PseudonymiseProcessorType implements ProcessorType {
    /** The header attribute holding {@code key.id} on records with at least one pseudonymised value. */
    public static final String KEY_ID_ATTRIBUTE = "pseudonymised.key.id";
    /** The shortest key accepted, in UTF-8 bytes. */
    public static final int MIN_KEY_BYTES = 16;

    public static final Option<List<String>> FIELDS = FieldPaths.requiredList("fields",
            "Paths of the fields to pseudonymise. Each must hold a string or a list of strings ("
                    + ErrorCodes.PSEUDONYMISE_NOT_STRING + " otherwise); a missing or null field is skipped.");
    public static final Option<String> KEY = Option.string("key", null,
            "The secret HMAC key, at least " + MIN_KEY_BYTES + " bytes as UTF-8 (32 random bytes recommended, e.g."
                    + " `openssl rand -hex 32`). Give it as ${ENV_VAR}, never in the file.").required();
    public static final Option<String> KEY_ID = Option.string("key.id", null,
            "A name for the key, written to the record header attribute " + KEY_ID_ATTRIBUTE
                    + "; change it whenever the key changes.").required()
            .validate(id -> id.matches("[A-Za-z0-9._:-]{1,64}") ? null
                    : "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
    public static final Option<String> NORMALIZE = Option.choice("normalize", "none",
            "What is done to a value before hashing: none, or mac (lower-case it and drop ':', '-', '.' and"
                    + " whitespace, so AA:BB:CC:00:11:22, aa-bb-cc-00-11-22 and aabb.cc00.1122 give one pseudonym).",
            "none", "mac");
    public static final Option<String> ENCODING = Option.choice("encoding", "hex",
            "How the hash is written: hex (lower case) or base64url (RFC 4648, no padding).", "hex", "base64url");
    public static final Option<Integer> TRUNCATE_BYTES = Option.intValue("truncate.bytes", 32, 8, 32,
            "How many leading bytes of the 32-byte hash to keep; fewer make shorter pseudonyms with more chance"
                    + " of two inputs sharing one.");

    private static final OptionSet OPTIONS = OptionSet.of(FIELDS, KEY, KEY_ID, NORMALIZE, ENCODING, TRUNCATE_BYTES);

    @Override
    public String name() {
        return "pseudonymise";
    }

    @Override
    public String description() {
        return "Replaces string fields with their HMAC-SHA256 under a secret key.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Processor create(Settings settings) {
        byte[] key = settings.get(KEY).getBytes(StandardCharsets.UTF_8);
        // Checked here, not with Option.validate, whose message would quote the secret.
        if (key.length < MIN_KEY_BYTES) {
            throw new ConfigException(KEY.name(), "is too short: " + key.length + " bytes, at least " + MIN_KEY_BYTES
                    + " needed");
        }
        List<FieldPath> fields = settings.get(FIELDS).stream().map(FieldPath::of).toList();
        if (new HashSet<>(fields).size() != fields.size()) {
            throw new ConfigException(FIELDS.name(), "names a field twice, which would hash it twice");
        }
        return new PseudonymiseProcessor(fields, key, settings.get(KEY_ID), settings.get(NORMALIZE).equals("mac"),
                settings.get(ENCODING).equals("base64url"), settings.get(TRUNCATE_BYTES));
    }
}
