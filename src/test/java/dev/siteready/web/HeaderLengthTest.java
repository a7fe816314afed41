package dev.siteready.web;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text copied into response headers (redirect targets, flash cookies, file names) is capped, however long the input. */
class HeaderLengthTest {

    static final String HUNDRED_KB = "x".repeat(100 * 1024);

    @Test
    void aRedirectDropsAFragmentThatWouldMakeItsAddressTooLong() {
        Response response = Flash.seeOther("/sites/1/projects/2/samples/3#s-" + HUNDRED_KB, "Saved.");
        assertThat(response.getHeaderString("Location")).endsWith("/sites/1/projects/2/samples/3");
        assertThat(Flash.seeOther("/sites/1#contacts", "Saved.").getHeaderString("Location")).endsWith("/sites/1#contacts");

        Response htmx = Flash.htmxRedirect("/sites/1#s-" + HUNDRED_KB, "Saved.", false);
        assertThat(htmx.getHeaderString("HX-Redirect")).isEqualTo("/sites/1");
        // A path itself is built from ids: one this long is a programming error, never sent.
        assertThatThrownBy(() -> Flash.seeOther("/sites/" + HUNDRED_KB, "Saved.")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFlashCookieAndFileNamesStayShort() {
        Response flash = Flash.seeOther("/sites", "Site " + "\uD83C\uDFE5".repeat(50 * 1024) + " saved.");
        String cookie = flash.getCookies().get("siteready-flash").getValue();
        assertThat(cookie.length()).isLessThan(4000);
        assertThat(Flash.decode(cookie).text()).doesNotContain("?").hasSizeLessThanOrEqualTo(300);

        Response download = Downloads.attachment("body", "text/csv", "questionnaire-" + HUNDRED_KB, "csv");
        assertThat(download.getHeaderString("Content-Disposition").length()).isLessThan(200);
    }
}
