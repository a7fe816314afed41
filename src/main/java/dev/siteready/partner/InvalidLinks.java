package dev.siteready.partner;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** The page for a partner link or cookie that is not (or no longer) valid, shared by every kind of partner page. */
public final class InvalidLinks {

    @CheckedTemplate(basePath = "partner")
    static class Templates {
        static native TemplateInstance invalid(boolean signedIn);
    }

    private InvalidLinks() {
    }

    /** 404 with the page; {@code signedIn}: the visitor is a signed-in member (of another workspace than the link's). */
    public static Response page(boolean signedIn) {
        return Response.status(404).entity(Templates.invalid(signedIn)).build();
    }

    /** 404 with the page, clearing the partner's cookie for the page's path. */
    public static Response clearing(NewCookie clearedCookie) {
        return Response.status(404).entity(Templates.invalid(false)).cookie(clearedCookie).build();
    }
}
