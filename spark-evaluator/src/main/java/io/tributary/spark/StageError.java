package io.tributary.spark;

import io.tributary.record.Record;
import java.io.Serializable;
import java.util.Objects;

/**
 * Why the evaluator chain routed a record to the errors: the evaluator (stage) that did, by position, name and
 * class, and its reason. The reason of a {@link SparkTransformer} error conventionally reads
 * {@code "CODE: detail"}; {@link #code()} is that code.
 *
 * <p>Immutable, serializable; registered with Kryo by {@link TributaryKryoRegistrator}.
 *
 * <p>Stable API since 0.1.
 *
 * @since 0.1
 */
public final class StageError implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Header attribute names set by {@link #annotate}. */
    public static final String ATTR_STAGE = "error.stage";
    public static final String ATTR_CLASS = "error.class";
    public static final String ATTR_CODE = "error.code";
    public static final String ATTR_REASON = "error.reason";

    private int stageIndex;
    private String stageName;
    private String className;
    private String reason;

    @SuppressWarnings("unused") // for Kryo
    private StageError() {
    }

    public StageError(int stageIndex, String stageName, String className, String reason) {
        this.stageIndex = stageIndex;
        this.stageName = Objects.requireNonNull(stageName, "stageName");
        this.className = Objects.requireNonNull(className, "className");
        this.reason = reason == null ? "UNKNOWN: no reason given" : reason;
    }

    /** Position of the stage in the chain, from 0. */
    public int stageIndex() {
        return stageIndex;
    }

    public String stageName() {
        return stageName;
    }

    public String className() {
        return className;
    }

    public String reason() {
        return reason;
    }

    /** The leading upper-case code of the reason ({@code LATE_RECORD}), or {@code ERROR} when it has none. */
    public String code() {
        int colon = reason.indexOf(':');
        if (colon > 0 && reason.substring(0, colon).matches("[A-Z][A-Z0-9_]*")) return reason.substring(0, colon);
        return "ERROR";
    }

    /** Sets the error attributes on {@code record}'s header and returns the record (for an error sink). */
    public Record annotate(Record record) {
        record.header().attribute(ATTR_STAGE, stageName).attribute(ATTR_CLASS, className)
                .attribute(ATTR_CODE, code()).attribute(ATTR_REASON, reason);
        return record;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StageError e && stageIndex == e.stageIndex && stageName.equals(e.stageName)
                && className.equals(e.className) && reason.equals(e.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stageIndex, stageName, className, reason);
    }

    @Override
    public String toString() {
        return "stage " + stageIndex + " '" + stageName + "' (" + className + "): " + reason;
    }
}
