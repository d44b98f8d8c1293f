package io.tributary.agent.spool;

import io.tributary.agent.config.SpoolConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link SpoolCrashTest} kills: appenders that each print {@code source:n;} once the append of
 * entry n completed, i.e. once the spool said it was durable. Never exits by itself.
 */
public final class SpoolCrashChild {
    private SpoolCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String round = args[1];
        int threads = Integer.parseInt(args[2]);
        Spool spool = Spool.open(new SpoolConfig(dir, 256L << 20, 256 << 10, "always", 5, "block"));
        PrintStream out = new PrintStream(System.out, false, "UTF-8");
        for (int t = 0; t < threads; t++) {
            String source = round + "-" + t;
            Thread appender = new Thread(() -> {
                for (int n = 0; ; n++) {
                    int batch = 1 + n % 3;
                    List<io.tributary.agent.delivery.Outgoing> entries = new java.util.ArrayList<>();
                    for (int i = 0; i < batch; i++) entries.add(SpoolTesting.message(source, n * 3 + i));
                    spool.append(entries).join();
                    synchronized (out) {
                        for (int i = 0; i < batch; i++) out.print(source + ":" + (n * 3 + i) + ";\n");
                        out.flush();
                    }
                }
            });
            appender.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
