package io.whizbang.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DevelopmentKeyTest {
    @TempDir
    Path temp;

    @Test
    void loadOrCreateCreatesTheDirectoryAndA32ByteKey() throws Exception {
        Path dataDir = temp.resolve("nested/data");

        DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);

        Path file = dataDir.resolve(DevelopmentKey.FILE_NAME);
        assertThat(file).isRegularFile();
        assertThat(key.secret()).hasSize(DevelopmentKey.KEY_BYTES);
        assertThat(Base64.getUrlDecoder().decode(Files.readString(file).strip())).isEqualTo(key.secret());
    }

    @Test
    void secondLoadOfTheSameDirectoryReturnsTheSameKey() {
        DevelopmentKey first = DevelopmentKey.loadOrCreate(temp);
        DevelopmentKey second = DevelopmentKey.loadOrCreate(temp);

        assertThat(second.secret()).isEqualTo(first.secret());
    }

    @Test
    void differentDirectoriesGetDifferentKeys() {
        DevelopmentKey one = DevelopmentKey.loadOrCreate(temp.resolve("one"));
        DevelopmentKey two = DevelopmentKey.loadOrCreate(temp.resolve("two"));

        assertThat(one.secret()).isNotEqualTo(two.secret());
    }

    @Test
    void keyFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));

        DevelopmentKey.loadOrCreate(temp);

        assertThat(Files.getPosixFilePermissions(temp.resolve(DevelopmentKey.FILE_NAME)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void secretIsACopy() {
        DevelopmentKey key = DevelopmentKey.loadOrCreate(temp);
        byte[] secret = key.secret();
        secret[0]++;

        assertThat(key.secret()).isNotEqualTo(secret);
    }

    @Test
    void corruptKeyFileIsReportedWithItsPath() throws Exception {
        Files.writeString(temp.resolve(DevelopmentKey.FILE_NAME), "not a key!");

        assertThatThrownBy(() -> DevelopmentKey.loadOrCreate(temp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DevelopmentKey.FILE_NAME)
                .hasMessageContaining("delete it");
    }
}
