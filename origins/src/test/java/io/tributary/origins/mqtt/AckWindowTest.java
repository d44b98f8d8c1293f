package io.tributary.origins.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ordering and bounding rules of {@link AckWindow}, without a broker (acks run inline here). */
class AckWindowTest {
    private final List<Integer> acked = new ArrayList<>();
    private final AtomicInteger inflight = new AtomicInteger();
    private final AckWindow window = new AckWindow(3, Runnable::run, e -> acked.add(e.messageId), inflight);

    private AckWindow.Entry reserve(int id) throws InterruptedException {
        return window.reserve(id, 1, () -> false, () -> { });
    }

    @Test
    void acknowledgesTheCompletedPrefixInOrder() throws Exception {
        AckWindow.Entry a = reserve(1);
        AckWindow.Entry b = reserve(2);
        AckWindow.Entry c = reserve(3);
        window.complete(c, true);
        window.complete(b, true);
        assertEquals(List.of(), acked);
        window.complete(a, true);
        assertEquals(List.of(1, 2, 3), acked);
        assertEquals(0, inflight.get());
    }

    @Test
    void aFailedMessageHoldsBackEverythingBehindItUntilTheConnectionIsRenewed() throws Exception {
        AckWindow.Entry a = reserve(1);
        AckWindow.Entry b = reserve(2);
        window.complete(a, false);
        window.complete(b, true);
        assertEquals(List.of(), acked);
        long before = window.generation();
        window.connectionLost();
        assertEquals(before + 1, window.generation());
        assertEquals(0, window.waiting());
        AckWindow.Entry c = reserve(1); // the broker redelivers with the same id
        assertEquals(window.generation(), c.generation);
        window.complete(c, true);
        assertEquals(List.of(1), acked);
    }

    @Test
    void completionsOfALostConnectionAreNeverAcknowledged() throws Exception {
        AckWindow.Entry a = reserve(7);
        window.connectionLost();
        assertEquals(1, inflight.get(), "its stage still runs: the place stays taken");
        window.complete(a, true);
        assertEquals(List.of(), acked);
        assertEquals(0, inflight.get());
    }

    @Test
    void reserveWaitsWhileFullAndGivesUpWhenAborted() throws Exception {
        AckWindow.Entry a = reserve(1);
        reserve(2);
        reserve(3);
        AtomicInteger waits = new AtomicInteger();
        CompletableFuture<AckWindow.Entry> fourth = CompletableFuture.supplyAsync(() -> {
            try {
                return window.reserve(4, 1, () -> false, waits::incrementAndGet);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(150);
        assertEquals(1, waits.get());
        window.complete(a, true);
        assertNotNull(fourth.get(2, TimeUnit.SECONDS));
        assertNull(window.reserve(5, 1, () -> true, () -> { }), "full and aborted: gives up");
    }

    @Test
    void aCancelledPlaceIsGivenBack() throws Exception {
        AckWindow.Entry a = reserve(1);
        AckWindow.Entry b = reserve(2);
        window.cancel(b);
        window.complete(a, true);
        assertEquals(List.of(1), acked);
        assertEquals(0, inflight.get());
    }
}
