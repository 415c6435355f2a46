package app.trustpulse.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * A local HTTP server that holds every request until {@link #release()}, so a test can see how many a client sends at
 * once, and that notes each connection's client port, so it can see how many connections the client opened.
 */
public final class HoldingHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(1));
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    public HoldingHttpServer(String jsonAnswer) throws IOException {
        byte[] body = jsonAnswer.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                gate.get().await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Waits until this many requests are held at once. */
    public void awaitHeld(int requests) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.get() == requests);
    }

    /** Lets the held requests answer; the requests after them are held again. */
    public void release() {
        gate.getAndSet(new CountDownLatch(1)).countDown();
    }

    /** The most requests held at once so far. */
    public int mostAtOnce() {
        return most.get();
    }

    /** How many connections requests came over so far. */
    public int connections() {
        return clientPorts.size();
    }

    @Override
    public void close() {
        gate.get().countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
