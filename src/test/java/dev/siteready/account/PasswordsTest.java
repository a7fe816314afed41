package dev.siteready.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, defect 5 (passwords): the rules of a new password, without the server. */
class PasswordsTest {

    private static final String EMAIL = "Maya.Patel.Integration@example.org";

    @Test
    void theAuditsWeakPasswordsAreRefused() {
        assertThat(Passwords.problem("          ", EMAIL)).contains("at least 12 characters");
        assertThat(Passwords.problem("            ", EMAIL)).contains("only spaces");
        assertThat(Passwords.problem("aaaaaaaaaa", EMAIL)).contains("at least 12 characters");
        assertThat(Passwords.problem("aaaaaaaaaaaaaaaa", EMAIL)).contains("one repeated character");
        assertThat(Passwords.problem("password12", EMAIL)).contains("at least 12 characters");
        assertThat(Passwords.problem(EMAIL, EMAIL)).contains("e-mail address");
    }

    @Test
    void theEmailAndItsLocalPartAreRefusedWhateverTheCase() {
        assertThat(Passwords.problem(EMAIL.toUpperCase(), EMAIL)).contains("e-mail address");
        assertThat(Passwords.problem("maya.patel.INTEGRATION", EMAIL)).contains("e-mail address");
    }

    @Test
    void commonPasswordsAndCloseVariantsAreRefused() {
        assertThat(Passwords.problem("password1234", EMAIL)).contains("too easy to guess").contains("common");
        assertThat(Passwords.problem("qwertyuiop12", EMAIL)).contains("too easy to guess");
        assertThat(Passwords.problem("iloveyou2024", EMAIL)).contains("too easy to guess");
    }

    @Test
    void wordsFromTheNameAndEmailDoNotMakeAStrongPassword() {
        assertThat(Passwords.problem("integration12", EMAIL, "Maya Patel")).contains("too easy to guess");
    }

    @Test
    void longUnusualPassphrasesAreAccepted() {
        assertThat(Passwords.problem("correct horse battery", EMAIL)).isNull();
        assertThat(Passwords.problem("tidal lantern orchard 58", EMAIL, "Maya Patel", "Northwind")).isNull();
    }

    @Test
    void lengthIsCountedInCharactersAndCappedInBytes() {
        assertThat(Passwords.problem("ünïcödé pässwörd", EMAIL)).isNull();
        assertThat(Passwords.problem("é".repeat(37), EMAIL)).contains("at most 72 bytes");
        assertThat(Passwords.problem("", EMAIL)).isEqualTo("Enter a password.");
        assertThat(Passwords.problem(null, EMAIL)).isEqualTo("Enter a password.");
    }
}
