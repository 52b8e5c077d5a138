package io.whizbang.deploy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two launcher JVMs clustered on loopback over one PostgreSQL, as a split deployment runs them: an order placed
 * through the REST gateway of one node is read back through the GraphQL gateway of the other; when the node that
 * runs the sagas and perspectives is killed, the other takes them over from their checkpoints, with no effect
 * applied twice.
 */
class ClusterIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Principal ALICE = Principal.of("alice", "acme", "orders:write", "orders:read",
            "inventory:write", "inventory:read");
    private static EmbeddedPostgres postgres;

    @TempDir
    Path temp;
    private final List<Process> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (Process node : nodes) {
            node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void ordersFlowAcrossNodesAndSagasAndPerspectivesMoveWhenTheirNodeDies() throws Exception {
        int clusterA = freePort();
        int clusterB = freePort();
        int rest = freePort();
        int graphql = freePort();
        String members = "--cluster-members=127.0.0.1:" + clusterA + ",127.0.0.1:" + clusterB;
        Path data = temp.resolve("data");
        // given node A (first, so it runs the sagas and perspectives) and node B
        Node a = start("a", "--services=ledger,projections,mobile", "--mobile-port=" + rest,
                "--cluster-port=" + clusterA, members, "--data-dir=" + data);
        assertThat(a.banner).anySatisfy(line -> assertThat(line).contains("projections").contains("running"));
        Node b = start("b", "--services=ledger,projections,web", "--web-port=" + graphql,
                "--cluster-port=" + clusterB, members, "--data-dir=" + data);
        assertThat(b.banner).anySatisfy(line -> assertThat(line).contains("projections").contains("standing by"));
        String bearer = "Bearer " + DevelopmentTokens.mint(ALICE, Duration.ofMinutes(10),
                DevelopmentKey.loadOrCreate(data), Clock.systemUTC());
        UUID customer = UUID.randomUUID();

        // when an order is placed through A's REST gateway
        assertThat(post(rest, "/api/inventory/SKU-1/restock", bearer, new JsonObject().put("quantity", 10))
                .statusCode()).isEqualTo(202);
        HttpResponse<String> placed = post(rest, "/api/orders", bearer, new JsonObject()
                .put("customerId", customer.toString()).put("lines", new JsonArray().add(new JsonObject()
                        .put("sku", "SKU-1").put("quantity", 2).put("unitPrice", "3.00"))));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);

        // then B's GraphQL gateway sees it confirmed
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() ->
                assertThat(customerOrders(graphql, bearer, customer)).containsExactly("CONFIRMED"));

        // when A dies, B has noticed (it took over the sagas and perspectives), and a second order is placed
        // through B
        a.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Files.readString(b.log))
                .contains("sagas run on this node", "projections run on this node"));
        JsonObject second = graphql(graphql, bearer, "mutation { placeOrder(input: {customerId: \"" + customer
                + "\", lines: [{sku: \"SKU-1\", quantity: 2, unitPrice: \"3.00\"}]}) { orderId } }");
        assertThat(second.getJsonObject("data").getJsonObject("placeOrder").getString("orderId")).isNotBlank();

        // then B runs the saga and the perspectives now: the second order is confirmed and projected, and the
        // stock holds both reservations exactly once
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() ->
                assertThat(customerOrders(graphql, bearer, customer)).containsExactly("CONFIRMED", "CONFIRMED"));
        JsonObject level = graphql(graphql, bearer, "{ inventory(sku: \"SKU-1\") { onHand reserved } }")
                .getJsonObject("data").getJsonObject("inventory");
        assertThat(level.getInteger("onHand")).isEqualTo(10);
        assertThat(level.getInteger("reserved")).isEqualTo(4);
    }

    private List<String> customerOrders(int port, String bearer, UUID customer) throws Exception {
        JsonObject answer = graphql(port, bearer, "{ customerOrders(customerId: \"" + customer
                + "\") { edges { node { status } } } }");
        List<String> statuses = new ArrayList<>();
        answer.getJsonObject("data").getJsonObject("customerOrders").getJsonArray("edges")
                .forEach(edge -> statuses.add(((JsonObject) edge).getJsonObject("node").getString("status")));
        return statuses;
    }

    private JsonObject graphql(int port, String bearer, String query) throws Exception {
        String body = new JsonObject().put("query", query).encode();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/graphql")).header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json = new JsonObject(response.body());
        assertThat(json.getJsonArray("errors")).as(response.body()).isNull();
        return json;
    }

    private HttpResponse<String> post(int port, String path, String bearer, JsonObject body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A launcher JVM.
     *
     * @param process its process
     * @param banner  what it printed up to the line saying it runs
     * @param log     the file its log (standard error) goes to
     */
    private record Node(Process process, List<String> banner, Path log) {
    }

    /** Starts a launcher JVM in the cluster on the shared PostgreSQL and waits until it says it is running. */
    private Node start(String name, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", Path.of(System.getProperty("whizbang.jar", "target/whizbang.jar")).toAbsolutePath()
                        .toString(), "run", "--cluster", "--host=127.0.0.1",
                "--store=postgres://postgres:unused@localhost:" + postgres.getPort() + "/postgres"));
        command.addAll(List.of(options));
        Path stderr = temp.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        nodes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.equals(Banner.RUNNING)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        boolean started;
        try {
            started = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            started = false;
        }
        assertThat(started).as("node %s: stdout %s, stderr %s", name, lines, Files.readString(stderr)).isTrue();
        // keep reading its output, so it never blocks on a full pipe
        Thread reader = new Thread(() -> out.lines().forEach(line -> { }), "node-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
        return new Node(process, List.copyOf(lines), stderr);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
