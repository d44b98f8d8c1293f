package io.tributary.spark.runner;

/**
 * Thrown on an executor when a function of an evaluator failed while producing that evaluator's output; tags
 * the exception with the stage so the driver can name the evaluator. Internal.
 */
final class StageFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MARKER = "[tributary-stage=";

    final int stageIndex;

    StageFailure(int stageIndex, String stageName, String className, Throwable cause) {
        super(MARKER + stageIndex + "] evaluator '" + stageName + "' (" + className + ") failed: " + cause, cause);
        this.stageIndex = stageIndex;
    }
}
