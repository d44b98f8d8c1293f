package io.tributary.spark.runner;

import io.tributary.spark.Checkpointable;
import io.tributary.spark.EvaluatorException;
import io.tributary.spark.internal.HadoopFiles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's snapshots under {@code state.dir}: {@code snapshot-<seq>/stage-<name>/} per checkpointable
 * evaluator, and {@code snapshot-<seq>/MANIFEST.properties} written last (format version, batches, source
 * position, evaluators). A snapshot without a manifest is incomplete and ignored; the newest complete one wins;
 * only the newest {@code retain} are kept. Internal.
 */
final class ChainSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(ChainSnapshots.class);
    static final String PREFIX = "snapshot-";
    static final String MANIFEST = "MANIFEST.properties";
    static final int FORMAT_VERSION = 1;

    /** A restored snapshot: where the source resumes and how many batches the chain had completed. */
    record Restored(String dir, String position, long batches) {
    }

    private final Configuration conf;
    private final String base;
    private final int retain;

    ChainSnapshots(Configuration conf, String base, int retain) {
        this.conf = conf;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.retain = retain;
    }

    /** Writes a snapshot of every checkpointable stage; returns its directory. */
    String write(List<EvaluatorChain.Stage> stages, long batches, String position) {
        String dir;
        try {
            List<Long> existing = sequences();
            long seq = existing.isEmpty() ? 1 : existing.get(0) + 1;
            dir = base + "/" + PREFIX + String.format("%012d", seq);
            HadoopFiles.mkdirs(conf, dir);
        } catch (IOException e) {
            throw new EvaluatorException(EvaluatorException.Phase.SNAPSHOT, null, null, 1,
                    "Cannot create a state snapshot under " + base + ": " + e, e);
        }
        Properties manifest = new Properties();
        manifest.setProperty("format.version", Integer.toString(FORMAT_VERSION));
        manifest.setProperty("batches", Long.toString(batches));
        manifest.setProperty("position", position == null ? "" : position);
        manifest.setProperty("created", Instant.now().toString());
        for (EvaluatorChain.Stage s : stages) {
            if (!(s.transformer instanceof Checkpointable c)) continue;
            try {
                c.snapshot(dir + "/" + stageDir(s.name));
            } catch (Exception e) {
                deleteQuietly(dir);
                throw new EvaluatorException(EvaluatorException.Phase.SNAPSHOT, s.name, s.className, 1,
                        "Evaluator '" + s.name + "' (" + s.className + ") failed to write its state snapshot to " + dir
                                + ": " + e, e);
            }
            manifest.setProperty("stage." + s.index + ".name", s.name);
            manifest.setProperty("stage." + s.index + ".class", s.className);
        }
        try {
            HadoopFiles.writeProperties(conf, dir + "/" + MANIFEST, manifest, "Tributary evaluator chain snapshot");
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new EvaluatorException(EvaluatorException.Phase.SNAPSHOT, null, null, 1,
                    "Cannot write the snapshot manifest in " + dir + ": " + e, e);
        }
        prune();
        return dir;
    }

    /**
     * Restores the newest complete snapshot into the checkpointable stages, falling back to older complete ones
     * when one cannot be read (its position is older, so the replay still covers the gap).
     */
    Optional<Restored> restore(List<EvaluatorChain.Stage> stages) {
        List<Long> seqs;
        try {
            seqs = sequences();
        } catch (IOException e) {
            throw new EvaluatorException(EvaluatorException.Phase.RESTORE, null, null, 1,
                    "Cannot list the state snapshots in " + base + ": " + e, e);
        }
        Exception last = null;
        for (long seq : seqs) {
            String dir = base + "/" + PREFIX + String.format("%012d", seq);
            try {
                if (!HadoopFiles.exists(conf, dir + "/" + MANIFEST)) {
                    LOG.warn("Ignoring the incomplete state snapshot {} (no manifest)", dir);
                    continue;
                }
                Properties manifest = HadoopFiles.readProperties(conf, dir + "/" + MANIFEST);
                if (!Integer.toString(FORMAT_VERSION).equals(manifest.getProperty("format.version"))) {
                    throw new IOException("unsupported snapshot format version " + manifest.getProperty("format.version"));
                }
                for (EvaluatorChain.Stage s : stages) {
                    if (!(s.transformer instanceof Checkpointable c)) continue;
                    String stageDir = dir + "/" + stageDir(s.name);
                    if (HadoopFiles.exists(conf, stageDir)) {
                        c.restore(stageDir);
                    } else {
                        LOG.warn("The state snapshot {} has no state for evaluator '{}' ({}); it starts empty", dir,
                                s.name, s.className);
                    }
                }
                return Optional.of(new Restored(dir, manifest.getProperty("position", ""),
                        Long.parseLong(manifest.getProperty("batches", "0"))));
            } catch (Exception e) {
                LOG.warn("Cannot restore the state snapshot {}; trying an older one", dir, e);
                last = e;
            }
        }
        if (last != null) {
            throw new EvaluatorException(EvaluatorException.Phase.RESTORE, null, null, 1,
                    "No state snapshot in " + base + " could be restored; the newest failure: " + last, last);
        }
        return Optional.empty();
    }

    static String stageDir(String stageName) {
        return "stage-" + stageName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Snapshot sequence numbers, newest first. */
    private List<Long> sequences() throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (String name : HadoopFiles.list(conf, base)) {
            if (name.startsWith(PREFIX)) {
                try {
                    seqs.add(Long.parseLong(name.substring(PREFIX.length())));
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        }
        seqs.sort(Comparator.reverseOrder());
        return seqs;
    }

    private void prune() {
        try {
            int complete = 0;
            for (long seq : sequences()) {
                String dir = base + "/" + PREFIX + String.format("%012d", seq);
                boolean isComplete = HadoopFiles.exists(conf, dir + "/" + MANIFEST);
                if (isComplete && complete < retain) {
                    complete++;
                } else if (complete >= retain) {
                    HadoopFiles.deleteRecursively(conf, dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete old state snapshots in {}", base, e);
        }
    }

    private void deleteQuietly(String dir) {
        try {
            HadoopFiles.deleteRecursively(conf, dir);
        } catch (IOException e) {
            LOG.warn("Cannot delete the failed state snapshot {}", dir, e);
        }
    }
}
