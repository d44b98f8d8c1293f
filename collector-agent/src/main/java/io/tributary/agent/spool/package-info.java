/**
 * The store-and-forward spool: {@link io.tributary.agent.spool.Spool} keeps {@code Outgoing} messages durably on
 * local disk while Kafka cannot take them and hands them back in order for replay. Public API:
 * {@link io.tributary.agent.spool.Spool}, {@link io.tributary.agent.spool.SpoolEntry},
 * {@link io.tributary.agent.spool.SpoolFullException} (since 0.1, experimental). Everything else is internal; the
 * on-disk format is versioned ({@code SegmentFile}, {@code EntryCodec}, {@code Checkpoint}).
 */
package io.tributary.agent.spool;
