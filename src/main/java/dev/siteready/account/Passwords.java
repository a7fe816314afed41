package dev.siteready.account;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.quarkus.elytron.security.common.BcryptUtil;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Password rules and bcrypt hashing. A new password has at least 12 characters, is not the e-mail (nor the part
 * before the @), not only spaces or one repeated character, and not easy to guess: zxcvbn (its Java port, MIT
 * licence) must rate it at least {@value #MIN_SCORE} of 4, which refuses its list of about 30,000 common passwords and
 * their close variants ("password1234", "iloveyou2024") and words taken from the user's own name and e-mail.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    /** zxcvbn's 3: "safely unguessable", at least 10^8 guesses. */
    static final int MIN_SCORE = 3;

    private static final Zxcvbn STRENGTH = new Zxcvbn();

    /** A hash to compare against when the e-mail is unknown, so both paths take as long. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password-for-timing");

    private static final AtomicLong CHECKS = new AtomicLong();

    private Passwords() {
    }

    /**
     * The problem with a new password, or null when it is acceptable.
     *
     * @param email the e-mail the member signs in with
     * @param otherInputs what else the person typed or is known by (name, workspace name): a password made of them is
     *        easy to guess for anyone who knows them
     */
    public static String problem(String password, String email, String... otherInputs) {
        if (password == null || password.isEmpty()) {
            return "Enter a password.";
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "Use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " letters).";
        }
        if (password.strip().isEmpty() || password.codePoints().distinct().count() == 1) {
            return "A password of one repeated character or only spaces is easy to guess. Use words or varied characters.";
        }
        if (isEmail(password.strip(), email)) {
            return "Do not use your e-mail address (or the part before the @) as your password.";
        }
        Strength strength = STRENGTH.measure(password, userInputs(email, otherInputs));
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
            return "This password is too easy to guess" + (warning == null || warning.isBlank() ? "." : ": " + warning)
                    + " Add another uncommon word or two, or choose a longer phrase.";
        }
        return null;
    }

    private static boolean isEmail(String password, String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        String address = email.strip();
        int at = address.indexOf('@');
        return password.equalsIgnoreCase(address) || (at > 0 && password.equalsIgnoreCase(address.substring(0, at)));
    }

    private static List<String> userInputs(String email, String... others) {
        List<String> inputs = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            String address = email.strip().toLowerCase(Locale.ROOT);
            inputs.add(address);
            inputs.addAll(List.of(address.split("[@._+-]+")));
        }
        for (String other : others) {
            if (other != null && !other.isBlank()) {
                inputs.add(other.strip().toLowerCase(Locale.ROOT));
                inputs.addAll(List.of(other.strip().toLowerCase(Locale.ROOT).split("\\s+")));
            }
        }
        inputs.removeIf(String::isBlank);
        return inputs;
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    public static boolean matches(String password, String hash) {
        CHECKS.incrementAndGet();
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BcryptUtil.matches("x", DUMMY_HASH);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the time of one check, for unknown e-mails; never a match. */
    public static boolean burnCheck() {
        CHECKS.incrementAndGet();
        BcryptUtil.matches("not-the-password", DUMMY_HASH);
        return false;
    }

    /** How many hash checks ran so far: tests compare it before and after a sign-in to see the work was done. */
    static long checksDone() {
        return CHECKS.get();
    }
}
