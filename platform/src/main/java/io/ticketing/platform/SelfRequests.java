package io.ticketing.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;

/**
 * The warm-up's requests to this service's own HTTP port. They carry a JWT signed with a key made
 * here and thrown away, which the service does not trust: each request runs the HTTP, routing and
 * JWT parsing and signature path of a real one and ends in 401 problem+json. Nothing is stored.
 */
@ApplicationScoped
public class SelfRequests {

    /** A request of the warm-up: a GET, or a POST of {@code body} when there is one. */
    public record Call(String path, String body) {
    }

    private final AtomicInteger sent = new AtomicInteger();
    private HttpClient client;
    private String bearer;
    private boolean broken;

    /** One of each request; a failure (no port, say) only ends this part of the warm-up. */
    public void send(List<Call> requests) {
        if (broken) {
            return;
        }
        try {
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            }
            String base = "http://127.0.0.1:" + port();
            for (Call request : requests) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                        .timeout(Duration.ofSeconds(1)).header("Authorization", bearer())
                        .header("Content-Type", "application/json");
                builder = request.body() == null ? builder.GET()
                        : builder.POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
                client.send(builder.build(), HttpResponse.BodyHandlers.discarding());
                sent.incrementAndGet();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            broken = true;
        }
    }

    /** The untrusted bearer token the warm-up's requests carry. */
    public synchronized String bearer() throws GeneralSecurityException {
        if (bearer == null) {
            bearer = "Bearer " + untrustedToken();
        }
        return bearer;
    }

    public int sent() {
        return sent.get();
    }

    private static int port() {
        String name = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getOptionalValue(name, Integer.class).orElse(8080);
    }

    /** An RS256 JWT shaped like a user's, signed with a key nobody else has and nobody trusts. */
    private static String untrustedToken() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String issuer = ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.issuer", String.class).orElse("");
        String claims = base64.encodeToString(("{\"sub\":\"warm-up\",\"iss\":\"" + issuer + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + "}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + base64.encodeToString(signature.sign());
    }
}
