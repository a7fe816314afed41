package dev.siteready.account;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.nio.charset.StandardCharsets;

/** Password rules and bcrypt hashing. */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;

    /** A hash to compare against when the e-mail is unknown, so both paths take as long. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password-for-timing");

    private Passwords() {
    }

    /** The problem with a new password, or null when it is acceptable. */
    public static String problem(String password) {
        if (password == null || password.isEmpty()) {
            return "Enter a password.";
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "Use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " letters).";
        }
        return null;
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    public static boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BcryptUtil.matches("x", DUMMY_HASH);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the time of one check, for unknown e-mails. */
    public static void burnCheck() {
        BcryptUtil.matches("not-the-password", DUMMY_HASH);
    }
}
