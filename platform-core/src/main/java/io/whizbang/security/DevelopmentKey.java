package io.whizbang.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The HS256 key that signs development tokens, kept in the data directory as {@code dev-jwt.key}.
 *
 * <p>The file holds 32 random bytes as base64url text and, where the file system is POSIX, is readable by its owner
 * only. The key is for development: production takes a key or a JWKS from configuration. Loading uses blocking file
 * IO, so call it at start-up or from the command line, never on an event loop.
 */
public final class DevelopmentKey {
    /** The name of the key file inside the data directory. */
    public static final String FILE_NAME = "dev-jwt.key";
    /** The length of a generated key in bytes. */
    public static final int KEY_BYTES = 32;

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final byte[] secret;

    private DevelopmentKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /**
     * The key stored in the data directory, created with fresh random bytes when there is none yet.
     *
     * @throws UncheckedIOException  when the directory or the file cannot be read or written
     * @throws IllegalStateException when the file exists but does not hold a key
     */
    public static DevelopmentKey loadOrCreate(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(dataDir);
                create(file);
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development key " + file.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    /** A copy of the key's bytes, the HMAC secret. */
    public byte[] secret() {
        return secret.clone();
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n";
        try {
            // Created with its final permissions and CREATE_NEW, so the key is never readable by others and two
            // processes starting together cannot each write a different key.
            if (isPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first; load theirs
        }
    }

    private static DevelopmentKey load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the development key " + file.toAbsolutePath()
                    + " is not base64url text; delete it to create a new one", e);
        }
        if (bytes.length < KEY_BYTES) {
            throw new IllegalStateException("the development key " + file.toAbsolutePath() + " holds "
                    + bytes.length + " bytes, HS256 needs at least " + KEY_BYTES + "; delete it to create a new one");
        }
        return new DevelopmentKey(bytes);
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
