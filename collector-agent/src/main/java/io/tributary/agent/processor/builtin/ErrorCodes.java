package io.tributary.agent.processor.builtin;

/**
 * The stable error codes of the built-in processors, carried by
 * {@link io.tributary.agent.processor.ProcessingException}. Codes never change meaning once released.
 *
 * <p>Stable API since 0.1.
 */
public final class ErrorCodes {
    private ErrorCodes() {
    }

    /** A field the processor needs is missing (or null) and its {@code if.missing} option says {@code error}. */
    public static final String FIELD_MISSING = "FIELD_MISSING";
    /** A value cannot be written at a path because the path runs through a value that is not a map or list. */
    public static final String FIELD_NOT_SETTABLE = "FIELD_NOT_SETTABLE";
    /** {@code set_key}: the field is a map, list or bytes value, which cannot be a record key. */
    public static final String KEY_NOT_SCALAR = "KEY_NOT_SCALAR";
    /** {@code event_time}: the field's value is not a time in the configured format, or is out of range. */
    public static final String EVENT_TIME_INVALID = "EVENT_TIME_INVALID";
    /** {@code pseudonymise}: a field holds something other than a string (or a list of strings). */
    public static final String PSEUDONYMISE_NOT_STRING = "PSEUDONYMISE_NOT_STRING";
}
