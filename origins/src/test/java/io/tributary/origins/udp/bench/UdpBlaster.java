package io.tributary.origins.udp.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A UDP load generator for benchmarks, run as its own process: sends {@code --count} JSON datagrams of about
 * {@code --size} bytes to {@code --target}, at {@code --rate} per second or as fast as it can ({@code max}),
 * round-robin over {@code --sockets} source ports (so SO_REUSEPORT can spread them), and prints one line:
 * {@code udp-blaster sent=N errors=E elapsed.ms=T rate=R}.
 *
 * <p>Pacing never spins (the receiver shares the cores): ahead of schedule it parks, behind it sends at once.
 *
 * <pre>java -cp origins/target/test-classes io.tributary.origins.udp.bench.UdpBlaster \
 *     --target 127.0.0.1:5140 --rate max --count 1000000 --size 250 --sockets 4</pre>
 */
public final class UdpBlaster {
    /** What to send. {@code rate} 0 means as fast as possible. */
    public record Options(InetSocketAddress target, long rate, long count, int size, int sockets) {
    }

    /** What was sent. */
    public record Result(long sent, long errors, long nanos) {
        public double rate() {
            return nanos == 0 ? 0 : sent * 1e9 / nanos;
        }

        public String line() {
            return String.format(Locale.ROOT, "udp-blaster sent=%d errors=%d elapsed.ms=%d rate=%.1f", sent, errors,
                    TimeUnit.NANOSECONDS.toMillis(nanos), rate());
        }
    }

    private static final String SEQ = "\"seq\":";
    private static final String TS = "\"ts\":";
    private static final int SEQ_DIGITS = 12;
    private static final int TS_DIGITS = 13;

    private UdpBlaster() {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("udp-blaster: " + e.getMessage());
            System.err.println("usage: UdpBlaster --target host:port [--rate N|max] [--count N] [--size BYTES] "
                    + "[--sockets N]");
            System.exit(2);
            return;
        }
        System.out.println(run(options).line());
    }

    static Options parse(String[] args) {
        InetSocketAddress target = null;
        long rate = 0;
        long count = 100_000;
        int size = 250;
        int sockets = 4;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException(name + " needs a value");
            String value = args[++i];
            switch (name) {
                case "--target" -> {
                    int colon = value.lastIndexOf(':');
                    if (colon < 0) throw new IllegalArgumentException("--target must be host:port, was " + value);
                    target = new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
                }
                case "--rate" -> rate = value.equals("max") ? 0 : Long.parseLong(value);
                case "--count" -> count = Long.parseLong(value);
                case "--size" -> size = Integer.parseInt(value);
                case "--sockets" -> sockets = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (target == null) throw new IllegalArgumentException("--target is required");
        if (rate < 0 || count < 0 || sockets < 1 || size < 1 || size > 65507) {
            throw new IllegalArgumentException("rate, count >= 0; sockets >= 1; size 1..65507");
        }
        return new Options(target, rate, count, size, sockets);
    }

    /** Sends as {@code options} say; returns when all are sent. */
    public static Result run(Options options) throws IOException {
        DatagramChannel[] channels = new DatagramChannel[options.sockets()];
        try {
            for (int i = 0; i < channels.length; i++) {
                channels[i] = DatagramChannel.open();
                channels[i].connect(options.target());
            }
            byte[] template = template(options.size());
            int seqAt = indexAfter(template, SEQ);
            int tsAt = indexAfter(template, TS);
            ByteBuffer buffer = ByteBuffer.wrap(template);
            long sent = 0;
            long errors = 0;
            long nanosPerDatagram = options.rate() == 0 ? 0 : Math.max(1, 1_000_000_000L / options.rate());
            long start = System.nanoTime();
            for (long i = 0; i < options.count(); i++) {
                if (nanosPerDatagram > 0) {
                    long ahead = start + i * nanosPerDatagram - System.nanoTime();
                    if (ahead > 0) LockSupport.parkNanos(ahead);
                }
                writeDigits(template, seqAt, SEQ_DIGITS, i);
                writeDigits(template, tsAt, TS_DIGITS, System.currentTimeMillis());
                buffer.clear();
                try {
                    channels[(int) (i % channels.length)].write(buffer);
                    sent++;
                } catch (PortUnreachableException e) {
                    errors++; // an earlier datagram found no listener (ICMP); this one was not sent
                }
            }
            return new Result(sent, errors, System.nanoTime() - start);
        } finally {
            for (DatagramChannel c : channels) {
                if (c != null) c.close();
            }
        }
    }

    /** A JSON event of about {@code size} bytes with fixed-width, space-padded seq and ts numbers. */
    static byte[] template(int size) {
        String head = "{\"device\":\"sensor-0042\",\"site\":\"mall-1\"," + SEQ + " ".repeat(SEQ_DIGITS) + ","
                + TS + " ".repeat(TS_DIGITS) + ",\"temperature\":21.53,\"humidity\":48.2,\"battery\":3.71,"
                + "\"status\":\"ok\",\"pad\":\"";
        String tail = "\"}";
        int pad = Math.max(0, size - head.length() - tail.length());
        return (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexAfter(byte[] template, String key) {
        return new String(template, StandardCharsets.US_ASCII).indexOf(key) + key.length();
    }

    /** Writes {@code value} right-aligned in {@code width} bytes, spaces before it (valid JSON whitespace). */
    static void writeDigits(byte[] into, int at, int width, long value) {
        int i = at + width - 1;
        do {
            into[i--] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0 && i >= at);
        while (i >= at) into[i--] = ' ';
    }
}
