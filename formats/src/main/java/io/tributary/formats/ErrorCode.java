package io.tributary.formats;

/**
 * The stable error codes of the built-in formats. Codes never change meaning once released; user formats may
 * define their own codes (upper snake case, prefixed with the format name).
 *
 * <p>Stable API since 0.1.
 */
public final class ErrorCode {
    private ErrorCode() {
    }

    // Limits, shared by every format (see Limits).
    /** The whole payload is larger than {@code max.payload.bytes}; nothing of it was parsed. */
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    /** One record's input is larger than {@code max.record.bytes}; the record was skipped. */
    public static final String RECORD_TOO_LARGE = "RECORD_TOO_LARGE";
    /** A record nests deeper than {@code max.depth}. */
    public static final String MAX_DEPTH_EXCEEDED = "MAX_DEPTH_EXCEEDED";
    /** A record has more fields (counted at every level) than {@code max.fields}. */
    public static final String MAX_FIELDS_EXCEEDED = "MAX_FIELDS_EXCEEDED";
    /** Text that must be UTF-8 is not; it is never silently replaced. */
    public static final String INVALID_UTF8 = "INVALID_UTF8";

    // JSON
    /** Malformed JSON. */
    public static final String JSON_SYNTAX = "JSON_SYNTAX";
    /** A JSON value where an object was expected (a record is an object). */
    public static final String JSON_NOT_OBJECT = "JSON_NOT_OBJECT";

    // Delimited
    /** Malformed delimited text, e.g. an unterminated quoted field. */
    public static final String CSV_SYNTAX = "CSV_SYNTAX";
    /** A row with a different number of fields than the header or the declared columns. */
    public static final String CSV_COLUMN_COUNT = "CSV_COLUMN_COUNT";
    /** A value that does not convert to its column's declared type. */
    public static final String CSV_TYPE = "CSV_TYPE";

    // XML
    /** Malformed XML. */
    public static final String XML_SYNTAX = "XML_SYNTAX";
    /** A DOCTYPE or entity declaration: refused, so external entities can never be resolved. */
    public static final String XML_DTD_FORBIDDEN = "XML_DTD_FORBIDDEN";

    // Text
    /** A line longer than {@code max.line.length}. */
    public static final String LINE_TOO_LONG = "LINE_TOO_LONG";

    // Apache access log
    /** A line that does not match the configured LogFormat. */
    public static final String LOG_MISMATCH = "LOG_MISMATCH";

    // Avro
    /** Malformed Avro data (bad container header or block, truncated or invalid binary datum). */
    public static final String AVRO_SYNTAX = "AVRO_SYNTAX";
    /** Single-object encoding whose schema fingerprint is not one of the configured schemas. */
    public static final String AVRO_UNKNOWN_SCHEMA = "AVRO_UNKNOWN_SCHEMA";

    // Protobuf
    /** Malformed protobuf data, or a bad length prefix in a delimited stream. */
    public static final String PROTOBUF_SYNTAX = "PROTOBUF_SYNTAX";

    // Wire codec (edge to cloud)
    /** Bytes that are not an Avro single-object encoded envelope (bad magic). */
    public static final String WIRE_BAD_MAGIC = "WIRE_BAD_MAGIC";
    /** An envelope written with a schema version this reader does not know. */
    public static final String WIRE_UNKNOWN_VERSION = "WIRE_UNKNOWN_VERSION";
    /** A truncated or corrupt envelope. */
    public static final String WIRE_MALFORMED = "WIRE_MALFORMED";
}
