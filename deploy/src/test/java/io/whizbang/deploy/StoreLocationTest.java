package io.whizbang.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreLocationTest {
    @Test
    void memoryIsTheMemoryStore() {
        assertThat(StoreLocation.parse("memory")).isSameAs(StoreLocation.memory());
        assertThat(StoreLocation.memory().scheme()).isEqualTo("memory");
    }

    @Test
    void defaultStoreParses() {
        assertThat(StoreLocation.parse(RunOptions.DEFAULT_STORE)).isNotNull();
    }

    @Test
    void sqliteNamesItsFile() {
        StoreLocation location = StoreLocation.parse("sqlite:./data/whizbang.db");

        assertThat(location).isEqualTo(new StoreLocation.Sqlite(Path.of("./data/whizbang.db")));
        assertThat(location.scheme()).isEqualTo("sqlite");
        assertThat(StoreLocation.parse(location.text())).isEqualTo(location);
    }

    @Test
    void theProjectionsFileOfAnSqliteStoreIsBesideItsLedger() {
        assertThat(new StoreLocation.Sqlite(Path.of("data", "whizbang.db")).projectionsFile())
                .isEqualTo(Path.of("data", "whizbang-projections.db"));
        assertThat(new StoreLocation.Sqlite(Path.of("ledger.sqlite")).projectionsFile())
                .isEqualTo(Path.of("ledger.sqlite-projections.db"));
    }

    @Test
    void sqliteWithoutAFileIsRejected() {
        assertThatThrownBy(() -> StoreLocation.parse("sqlite:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a file");
    }

    @Test
    void postgresUriIsTakenApart() {
        StoreLocation location = StoreLocation.parse("postgres://app:s3cret@db.example.com:6543/whizbang");

        assertThat(location).isInstanceOfSatisfying(StoreLocation.Postgres.class, postgres -> {
            assertThat(postgres.user()).isEqualTo("app");
            assertThat(postgres.host()).isEqualTo("db.example.com");
            assertThat(postgres.port()).isEqualTo(6543);
            assertThat(postgres.database()).isEqualTo("whizbang");
        });
        assertThat(location.scheme()).isEqualTo("postgres");
        assertThat(StoreLocation.parse(location.text())).isEqualTo(location);
    }

    @Test
    void postgresPortDefaultsTo5432() {
        StoreLocation.Postgres location = (StoreLocation.Postgres) StoreLocation.parse("postgresql://app@localhost/db");

        assertThat(location.port()).isEqualTo(StoreLocation.Postgres.DEFAULT_PORT);
    }

    @Test
    void postgresPasswordIsNeverShown() {
        StoreLocation location = StoreLocation.parse("postgres://app:s3cret@localhost:5432/whizbang");

        assertThat(location.display()).doesNotContain("s3cret").isEqualTo("postgres://app@localhost:5432/whizbang");
        assertThat(location.toString()).doesNotContain("s3cret");
    }

    @Test
    void postgresWithoutADatabaseIsRejected() {
        assertThatThrownBy(() -> StoreLocation.parse("postgres://app:s3cret@localhost:5432"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed PostgreSQL store")
                .hasMessageContaining("no database")
                .hasMessageContaining("postgres://user:pass@host:port/db")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void postgresWithoutAUserIsRejected() {
        assertThatThrownBy(() -> StoreLocation.parse("postgres://localhost:5432/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user");
    }

    @Test
    void postgresWithANonNumericPortIsRejected() {
        assertThatThrownBy(() -> StoreLocation.parse("postgres://app:pw@localhost:port/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'localhost:port' is not a host with an optional numeric port");
    }

    @Test
    void postgresWithBrokenSyntaxIsRejected() {
        assertThatThrownBy(() -> StoreLocation.parse("postgres://app:pw@local host/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed PostgreSQL store");
    }

    @Test
    void unknownSchemeNamesTheChoices() {
        assertThatThrownBy(() -> StoreLocation.parse("mysql://localhost/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown store 'mysql://localhost/db'; use memory, sqlite:<file> or"
                        + " postgres://user:pass@host:port/db");
    }

    @Test
    void theDefaultStoreIsTheSqliteFileInTheDataDirectory() {
        assertThat(new RunOptions().getStore()).isEqualTo(StoreLocation.parse(RunOptions.DEFAULT_STORE));
        assertThat(new RunOptions().setDataDir(Path.of("/srv/whizbang")).getStore())
                .isEqualTo(new StoreLocation.Sqlite(Path.of("/srv/whizbang/whizbang.db")));
        assertThat(new RunOptions().setDataDir(Path.of("/srv/whizbang")).setStore(StoreLocation.memory())
                .getStore()).isSameAs(StoreLocation.memory());
    }

    @Test
    void sqliteIsShownWithItsAbsolutePath() {
        assertThat(StoreLocation.parse("sqlite:./data/whizbang.db").display())
                .contains(Path.of("data/whizbang.db").toAbsolutePath().toString());
    }
}
