package io.tributary.simulator.faults;

import io.tributary.simulator.Rng;
import java.util.Arrays;
import java.util.List;

/** The ways a malformed-payload burst breaks a payload. */
public enum Corruption {
    /** Cut off after a random number of bytes (at least one byte goes). */
    TRUNCATE,
    /** Insert an invalid UTF-8 sequence (0xC3 0x28) at a random position. */
    INVALID_UTF8,
    /** Replace every byte with a random one. */
    GARBAGE;

    /** The names used in scenario files. */
    public static final List<String> NAMES = List.of("truncate", "invalid_utf8", "garbage");

    public static Corruption named(String name) {
        return values()[NAMES.indexOf(name)];
    }

    /** A corrupted copy of {@code payload}. */
    public byte[] apply(byte[] payload, Rng rng) {
        switch (this) {
            case TRUNCATE -> {
                return payload.length <= 1 ? new byte[0] : Arrays.copyOf(payload, 1 + rng.nextInt(payload.length - 1));
            }
            case INVALID_UTF8 -> {
                int at = payload.length == 0 ? 0 : rng.nextInt(payload.length);
                byte[] out = new byte[payload.length + 2];
                System.arraycopy(payload, 0, out, 0, at);
                out[at] = (byte) 0xC3;
                out[at + 1] = (byte) 0x28;
                System.arraycopy(payload, at, out, at + 2, payload.length - at);
                return out;
            }
            default -> {
                byte[] out = new byte[Math.max(1, payload.length)];
                for (int i = 0; i < out.length; i++) out[i] = (byte) rng.nextInt(256);
                return out;
            }
        }
    }
}
