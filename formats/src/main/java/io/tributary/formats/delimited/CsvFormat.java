package io.tributary.formats.delimited;

/**
 * Comma-separated values as in RFC 4180: delimiter {@code ,}, quote {@code "}, a header line, CRLF written.
 * See {@link DelimitedFormat} for the options and contracts.
 *
 * <p>Stable API since 0.1.
 */
public final class CsvFormat extends DelimitedFormat {
    public CsvFormat() {
        super("csv", "Comma-separated values (RFC 4180): one row per record, columns from a header line or "
                + "declared, optional column types.", ',', "\"", "crlf");
    }
}
