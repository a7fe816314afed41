package dev.siteready.account;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoint that changes "something" and, on purpose, declares no @RolesAllowed: it shows that
 * ViewerReadOnlyFilter refuses viewers' writes even where an endpoint forgot its annotation.
 */
@Path("/test-only/write-probe")
public class WriteProbeResource {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String write() {
        return "written";
    }
}
