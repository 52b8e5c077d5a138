package io.whizbang.deploy;

import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BannerTest {
    @TempDir
    Path dataDir;

    private Platform platform;

    @AfterEach
    void stopPlatform() throws Exception {
        if (platform != null) {
            result(platform.stop());
        }
    }

    @Test
    void bannerSaysWhatRunsWhereAndEndsWithTheRunningLine() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir))));

        List<String> lines = print();

        assertThat(lines).last().isEqualTo("Whizbang is running. Press Ctrl+C to stop.");
        assertThat(String.join("\n", lines))
                .contains("whizbang.commands", "whizbang.queries")
                .contains("order-summary", "order-fulfillment")
                .contains("sqlite:" + dataDir.resolve("whizbang.db").toAbsolutePath(),
                        dataDir.toAbsolutePath().toString())
                .contains("sqlite:" + dataDir.resolve("whizbang-projections.db").toAbsolutePath(),
                        "resume where they stopped")
                .contains("http://localhost:" + platform.port(Service.WEB) + "/graphql",
                        "http://localhost:" + platform.port(Service.MOBILE) + "/api",
                        "grpc://localhost:" + platform.port(Service.DESKTOP),
                        "http://localhost:" + platform.port(Service.CONTROL) + "/")
                .contains("token-for-test");
    }

    @Test
    void bannerOfTheMemoryStoreSaysTheReadModelsAreInMemory() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(
                new RunOptions().setDataDir(dataDir).setStore(StoreLocation.memory()))));

        assertThat(print()).anySatisfy(line -> assertThat(line).matches("\\s*read models\\s+in memory"));
    }

    @Test
    void bannerMarksServicesThatWereNotSelected() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setServices(EnumSet.of(Service.PROJECTIONS)))));

        List<String> lines = print();

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("ledger").contains("not selected"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("whizbang.commands"));
    }

    private List<String> print() {
        StringWriter out = new StringWriter();
        Banner.print(new PrintWriter(out), platform, RunCommand.DEVELOPER, RunCommand.DEVELOPER_TTL,
                "token-for-test");
        return out.toString().lines().toList();
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
