package dev.siteready.partner;

import dev.siteready.account.SecretTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a partner's browser holds after opening a link: not the link's secret but a cookie naming the link,
 * signed with a key every app node shares (derived from the session key), valid for the path of the one
 * questionnaire or project sign-off it was issued for. Each request still checks that the link is active, so revoking takes effect at once.
 */
@ApplicationScoped
public class PartnerCookie {

    public static final String NAME = "siteready-partner";

    /** The link and workspace a valid cookie names, and what the link opens (a questionnaire or a project). */
    public record Claim(UUID workspaceId, UUID linkId, UUID targetId) {
    }

    private final byte[] key;
    private final boolean secure;
    private final Clock clock;

    PartnerCookie(@ConfigProperty(name = "siteready.session.key") String sessionKey,
            @ConfigProperty(name = "siteready.secure-cookies", defaultValue = "false") boolean secure, Clock clock) {
        this.key = SecretTokens.hash("siteready partner cookie\n" + sessionKey).getBytes(StandardCharsets.US_ASCII);
        this.secure = secure;
        this.clock = clock;
    }

    public NewCookie issue(Claim claim, OffsetDateTime expiresAt, String path) {
        long expiry = expiresAt.toEpochSecond();
        String payload = claim.workspaceId() + "." + claim.linkId() + "." + claim.targetId() + "." + expiry;
        long maxAge = Math.max(1, expiry - OffsetDateTime.now(clock).toEpochSecond());
        return new NewCookie.Builder(NAME).value(payload + "." + sign(payload)).path(path)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.LAX).maxAge((int) Math.min(maxAge, Integer.MAX_VALUE))
                .build();
    }

    public NewCookie clear(String path) {
        return new NewCookie.Builder(NAME).value("").path(path).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }

    /** The claim of a cookie that is signed by SiteReady, unexpired and for this questionnaire or project. */
    public Optional<Claim> read(String value, UUID targetId) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.");
        if (parts.length != 5) {
            return Optional.empty();
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[4].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            Claim claim = new Claim(UUID.fromString(parts[0]), UUID.fromString(parts[1]), UUID.fromString(parts[2]));
            if (!claim.targetId().equals(targetId) || Long.parseLong(parts[3]) < OffsetDateTime.now(clock).toEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(claim);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String path(UUID questionnaireId) {
        return PartnerLink.Purpose.QUESTIONNAIRE.path(questionnaireId);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
