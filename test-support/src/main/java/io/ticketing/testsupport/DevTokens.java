package io.ticketing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the LOCAL-ONLY dev key, as scripts/dev-token.sh makes them. */
public final class DevTokens {

    public static final String ISSUER = "https://ticketing.local/dev";
    /** Maven runs tests in the module folder; the dev keys sit at the repository root. */
    public static final Path DEV_KEYS = Path.of("..", "dev").toAbsolutePath().normalize();

    private static final PrivateKey DEV_KEY = readPrivateKey(DEV_KEYS.resolve("jwt-private.pem"));

    private DevTokens() {
    }

    public static String forUser(String userId) {
        return Jwt.issuer(ISSUER).subject(userId).upn(userId).groups(Set.of("user")).expiresIn(3600).sign(DEV_KEY);
    }

    /** A token of the user that expires after {@code seconds}. */
    /** A token whose {@code groups} hold {@code operator}: the operator API's. */
    public static String forOperator(String userId) {
        return Jwt.issuer(ISSUER).subject(userId).upn(userId).groups(Set.of("user", "operator")).expiresIn(3600).sign(DEV_KEY);
    }

    public static String operatorBearer(String userId) {
        return "Bearer " + forOperator(userId);
    }

    public static String expiringIn(String userId, long seconds) {
        return Jwt.issuer(ISSUER).subject(userId).upn(userId).groups(Set.of("user")).expiresIn(seconds).sign(DEV_KEY);
    }

    public static String bearer(String userId) {
        return "Bearer " + forUser(userId);
    }

    public static PrivateKey readPrivateKey(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
