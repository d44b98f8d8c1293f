package io.tributary.spark.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkException;

/**
 * Finds which evaluator an exception belongs to: a {@link StageFailure} in its causes (tagged on the executor),
 * its marker in a message (when Spark could not ship the exception object), or, failing both, the first stack
 * frame, innermost cause first, that belongs to an evaluator's class. Internal.
 */
final class Attribution {
    private Attribution() {
    }

    /** The stage index, or -1. */
    static int stageOf(Throwable t, List<String> stageClasses) {
        List<Throwable> chain = causes(t);
        for (Throwable c : chain) {
            if (c instanceof StageFailure f) return f.stageIndex;
        }
        for (Throwable c : chain) {
            String m = c.getMessage();
            int at = m == null ? -1 : m.indexOf(StageFailure.MARKER);
            if (at >= 0) {
                int from = at + StageFailure.MARKER.length();
                int to = m.indexOf(']', from);
                try {
                    return Integer.parseInt(m.substring(from, to));
                } catch (RuntimeException ignored) {
                    // not our marker after all
                }
            }
        }
        List<Throwable> innermostFirst = new ArrayList<>(chain);
        Collections.reverse(innermostFirst);
        for (Throwable c : innermostFirst) {
            for (StackTraceElement frame : c.getStackTrace()) {
                for (int i = 0; i < stageClasses.size(); i++) {
                    String cls = stageClasses.get(i);
                    if (frame.getClassName().equals(cls) || frame.getClassName().startsWith(cls + "$")) return i;
                }
            }
        }
        return -1;
    }

    /**
     * The evaluator's own exception: the cause of a {@link StageFailure}, else the task's exception inside Spark's
     * "Job aborted" exception, else {@code t}.
     */
    static Throwable userCause(Throwable t) {
        for (Throwable c : causes(t)) {
            if (c instanceof StageFailure && c.getCause() != null) return c.getCause();
        }
        Throwable c = t;
        while (c instanceof SparkException && c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c;
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) chain.add(c);
        return chain;
    }
}
