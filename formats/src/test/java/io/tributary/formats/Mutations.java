package io.tributary.formats;

import java.util.Arrays;
import java.util.Random;

/** Small random edits of valid input, for the bounded fuzz tests of the contract kit. */
final class Mutations {
    private static final byte[] INTERESTING = {0, '"', '\'', ',', '\n', '\r', '{', '}', '[', ']', '<', '>', '/',
            '\\', ':', ';', (byte) 0x80, (byte) 0xC3, (byte) 0xFF, (byte) 0xF0, 0x7F, '0', '9', '-', ' '};

    private Mutations() {
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            if (out.length == 0) return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> out = Arrays.copyOf(out, at);
                case 3 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
                default -> {
                    int len = Math.min(out.length - at, 1 + random.nextInt(16));
                    byte[] shorter = new byte[out.length - len];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + len, shorter, at, out.length - at - len);
                    out = shorter;
                }
            }
        }
        return out;
    }
}
