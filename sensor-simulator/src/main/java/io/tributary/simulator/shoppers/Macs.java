package io.tributary.simulator.shoppers;

import io.tributary.simulator.Rng;

/**
 * MAC addresses: global ones under a few phone makers' OUIs, and randomised ones with the locally-administered
 * bit set (as phones use when they hide their address).
 */
final class Macs {
    private static final int[][] OUIS = {{0xa4, 0x5e, 0x60}, {0x3c, 0x22, 0xfb}, {0xf0, 0x18, 0x98},
        {0x00, 0x1a, 0x11}, {0xdc, 0x2b, 0x2a}, {0x8c, 0xf5, 0xa3}, {0x40, 0x4e, 0x36}, {0xb8, 0x27, 0xeb}};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Macs() {
    }

    static String global(Rng rng) {
        int[] oui = OUIS[rng.nextInt(OUIS.length)];
        return format(oui[0], oui[1], oui[2], rng.nextInt(256), rng.nextInt(256), rng.nextInt(256));
    }

    static String randomized(Rng rng) {
        int first = (rng.nextInt(256) & 0xfc) | 0x02;
        return format(first, rng.nextInt(256), rng.nextInt(256), rng.nextInt(256), rng.nextInt(256), rng.nextInt(256));
    }

    /** Whether {@code mac} has the locally-administered bit (randomised). */
    static boolean isRandomized(String mac) {
        return (Integer.parseInt(mac.substring(0, 2), 16) & 0x02) != 0;
    }

    private static String format(int... bytes) {
        char[] out = new char[17];
        for (int i = 0; i < 6; i++) {
            out[3 * i] = HEX[bytes[i] >>> 4];
            out[3 * i + 1] = HEX[bytes[i] & 0xf];
            if (i < 5) out[3 * i + 2] = ':';
        }
        return new String(out);
    }
}
