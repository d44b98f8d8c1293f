package io.tributary.origins.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Payload;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipException;

/**
 * One connection's requests, one at a time: checks the head, collects the body within its limits, hands the
 * payload to the pipeline, and answers from the pipeline's completion (on this channel's event loop, never
 * blocking it). While a request is being answered the channel stops reading (auto-read off; the
 * {@code FlowControlHandler} before this handler holds requests already decoded), so pipelined requests are
 * answered in order.
 *
 * <p>A request refused from its head is answered once its body has been read and dropped (keeping the
 * connection), except a too-large body or an {@code Expect: 100-continue} request: those are answered at once
 * with {@code Connection: close}, then the rest of the body is drained within a bound so the client can read
 * the answer, and the connection is closed.
 *
 * <p>Not sharable: one instance per channel; every field is confined to the channel's event loop.
 */
final class IngestRequestHandler extends ChannelInboundHandlerAdapter {
    private enum State { IDLE, COLLECTING, DISCARDING, DRAINING, ANSWERING, CLOSED }

    private final HttpOriginConfig config;
    private final RequestGate gate;
    private final InflightLimit inflight;
    private final HttpOriginMetrics metrics;
    private final Ingest ingest;
    private final BooleanSupplier originClosed;
    private final RequestAttributes attributes;

    private State state = State.IDLE;
    private HttpHeaders headers;
    private String path;
    private String method;
    private boolean keepAlive;
    private boolean http10;
    private Instant receivedAt;
    private long received;
    private RequestBody body;
    private boolean holdsPermit;
    private Reply pending;
    private ChannelFuture earlyAnswer;

    IngestRequestHandler(HttpOriginConfig config, RequestGate gate, InflightLimit inflight, HttpOriginMetrics metrics,
            Ingest ingest, BooleanSupplier originClosed) {
        this.config = config;
        this.gate = gate;
        this.inflight = inflight;
        this.metrics = metrics;
        this.ingest = ingest;
        this.originClosed = originClosed;
        this.attributes = new RequestAttributes(config.headersAllow());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) onHead(ctx, request);
            if (msg instanceof HttpContent content) onContent(ctx, content);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(ChannelHandlerContext ctx, HttpRequest request) {
        if (state != State.IDLE) return; // a request pipelined behind one answered with Connection: close
        receivedAt = Instant.now();
        received = 0;
        headers = request.headers();
        method = request.method().name();
        http10 = HttpVersion.HTTP_1_0.equals(request.protocolVersion());
        keepAlive = config.keepAlive() && HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            answerEarly(ctx, badRequest(request.decoderResult().cause()), false);
            return;
        }
        path = RequestGate.path(request.uri());
        Reply refused = gate.check(request, path);
        if (refused == null) {
            if (inflight.tryAcquire()) {
                holdsPermit = true;
            } else {
                refused = Reply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "back_pressure",
                        "More than " + inflight.max() + " requests in flight (max.inflight.requests)")
                        .withHeader(HttpHeaderNames.RETRY_AFTER.toString(), "1");
            }
        }
        boolean expectsContinue = HttpUtil.is100ContinueExpected(request);
        if (refused == null) {
            body = RequestBody.open(RequestGate.gzip(request), HttpUtil.getContentLength(request, -1L), config);
            state = State.COLLECTING;
            if (expectsContinue) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                        Unpooled.EMPTY_BUFFER));
            }
        } else if (expectsContinue) {
            answerEarly(ctx, refused, false);
        } else if (refused.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
            answerEarly(ctx, refused, HttpUtil.getContentLength(request, -1L) <= drainLimit());
        } else {
            pending = refused;
            state = State.DISCARDING;
        }
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        int n = content.content().readableBytes();
        if (n > 0) {
            metrics.bytesReceived(n);
            received += n;
        }
        boolean last = content instanceof LastHttpContent;
        if (content.decoderResult().isFailure()) {
            if (state == State.COLLECTING || state == State.DISCARDING) {
                dropBody();
                answerEarly(ctx, badRequest(content.decoderResult().cause()), false);
            } else if (state == State.DRAINING) {
                closeAfterEarlyAnswer();
            }
            return;
        }
        switch (state) {
            case COLLECTING -> collect(ctx, content, last);
            case DISCARDING -> discard(ctx, last);
            case DRAINING -> {
                if (last || received > drainLimit()) closeAfterEarlyAnswer();
            }
            default -> {
                // the rest of a request already answered
            }
        }
    }

    private void collect(ChannelHandlerContext ctx, HttpContent content, boolean last) {
        try {
            body.append(content.content());
            if (last) {
                byte[] bytes = body.finish();
                body = null;
                submit(ctx, bytes);
            }
        } catch (BodyTooLargeException e) {
            dropBody();
            answerEarly(ctx, Reply.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                    e.getMessage()), !last);
        } catch (ZipException e) {
            dropBody();
            pending = Reply.error(HttpResponseStatus.BAD_REQUEST, "invalid_gzip", e.getMessage());
            state = State.DISCARDING;
            discard(ctx, last);
        }
    }

    private void discard(ChannelHandlerContext ctx, boolean last) {
        if (last) {
            answer(ctx, pending);
        } else if (received > config.maxBodyBytes()) {
            answerEarly(ctx, pending, true);
        }
    }

    private void submit(ChannelHandlerContext ctx, byte[] bytes) {
        state = State.ANSWERING;
        ctx.channel().config().setAutoRead(false);
        Payload payload = new Payload(bytes, "http:" + path, headers.get(HttpHeaderNames.CONTENT_TYPE),
                attributes.of(ctx, path, method, headers), receivedAt);
        holdsPermit = false; // released by the completion, whatever happens to the channel
        metrics.payload();
        CompletionStage<IngestResult> stage;
        try {
            stage = ingest.submit(payload);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, failure) -> {
            inflight.release();
            Reply reply = failure != null ? Reply.failure(failure)
                    : result != null ? Reply.of(result) : Reply.failure(new IllegalStateException("no result"));
            onLoop(ctx, () -> {
                if (state == State.ANSWERING && !originClosed.getAsBoolean()) answer(ctx, reply);
            });
        });
    }

    /** Answers a request read to its end; the next request is read once the answer is written. */
    private void answer(ChannelHandlerContext ctx, Reply reply) {
        state = State.ANSWERING;
        ctx.channel().config().setAutoRead(false);
        boolean keep = keepAlive;
        write(ctx, reply, keep).addListener((ChannelFuture f) -> {
            if (!f.isSuccess() || !keep) {
                ctx.close();
            } else if (state == State.ANSWERING) {
                reset();
                state = State.IDLE;
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    /** Answers before the body is read, with Connection: close; then drains the body (bounded) or closes. */
    private void answerEarly(ChannelHandlerContext ctx, Reply reply, boolean drain) {
        keepAlive = false;
        earlyAnswer = write(ctx, reply, false);
        if (drain) {
            state = State.DRAINING;
        } else {
            closeAfterEarlyAnswer();
        }
    }

    private void closeAfterEarlyAnswer() {
        state = State.ANSWERING;
        earlyAnswer.addListener(ChannelFutureListener.CLOSE);
    }

    private ChannelFuture write(ChannelHandlerContext ctx, Reply reply, boolean keep) {
        metrics.answered(reply);
        return ctx.writeAndFlush(reply.toResponse(keep, http10));
    }

    /** Bytes of one request read at most before closing on a refused request. */
    private long drainLimit() {
        return 2 * config.maxBodyBytes();
    }

    private static Reply badRequest(Throwable cause) {
        String why = cause == null || cause.getMessage() == null ? "malformed HTTP request" : cause.getMessage();
        return Reply.error(HttpResponseStatus.BAD_REQUEST, "bad_request", why);
    }

    private void dropBody() {
        if (body != null) {
            body.discard();
            body = null;
        }
        if (holdsPermit) {
            holdsPermit = false;
            inflight.release();
        }
    }

    private void reset() {
        headers = null;
        path = null;
        pending = null;
        earlyAnswer = null;
    }

    private static void onLoop(ChannelHandlerContext ctx, Runnable task) {
        if (ctx.executor().inEventLoop()) {
            task.run();
            return;
        }
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            // the origin is closed: nothing more is answered
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (state != State.ANSWERING) ctx.close(); // never while a request waits to become durable
            return;
        }
        if (evt instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            metrics.tlsHandshakeFailed();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        state = State.CLOSED;
        dropBody();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
