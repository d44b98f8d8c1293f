package io.tributary.cloud;

import io.tributary.config.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code tributary cloud --config job.yaml}: runs the cloud job until SIGTERM/SIGINT, then stops gracefully (the
 * running batch finishes, state is snapshotted at the last committed position). Exit codes: 0 stopped, 1 a batch
 * failed, 2 bad configuration.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true,
        description = "Run the cloud streaming job: Kafka -> evaluator chain -> sinks (Spark).")
public final class CloudMain implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, description = "job configuration (YAML)")
    Path config;

    @Option(names = "--check", description = "validate the configuration and exit")
    boolean check;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CloudMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CloudJobConfig cfg;
        try {
            cfg = CloudJobConfig.load(config);
        } catch (ConfigException e) {
            System.err.println(config + ": " + e.getMessage());
            return 2;
        }
        if (check) {
            System.out.println(config + ": OK");
            return 0;
        }
        CloudJob job = new CloudJob(cfg);
        CountDownLatch stopRequested = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        // Own signal handlers: the JVM's shutdown hooks (and Spark's, which stop the SparkContext) would race the
        // graceful stop; here the stop runs first and the JVM exits afterwards.
        for (String sig : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(sig), s -> {
                if (!started.get()) {
                    // still starting (e.g. waiting for an unreachable broker): nothing processed, nothing to save
                    System.err.println("cloud job: stopped while starting");
                    System.exit(143);
                }
                stopRequested.countDown();
            });
        }
        try {
            job.start();
            started.set(true);
        } catch (ConfigException e) {
            System.err.println(config + ": " + e.getMessage());
            return 2;
        }
        Thread waiter = new Thread(() -> {
            try {
                job.awaitTermination();
            } catch (Exception e) {
                // a failed batch: reported below
            }
            stopRequested.countDown();
        }, "cloud-job-await");
        waiter.setDaemon(true);
        waiter.start();
        stopRequested.await();
        job.stop();
        if (job.failure().isPresent()) {
            System.err.println("cloud job failed: " + job.failure().get());
            return 1;
        }
        return 0;
    }
}
