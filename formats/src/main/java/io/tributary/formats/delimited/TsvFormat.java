package io.tributary.formats.delimited;

/**
 * Tab-separated values: delimiter tab, no quoting (a field cannot hold a tab or line break unless an
 * {@code escape} character is set), a header line, LF written. See {@link DelimitedFormat} for the options
 * and contracts.
 *
 * <p>Stable API since 0.1.
 */
public final class TsvFormat extends DelimitedFormat {
    public TsvFormat() {
        super("tsv", "Tab-separated values: one row per record, no quoting by default, columns from a header "
                + "line or declared, optional column types.", '\t', "none", "lf");
    }
}
