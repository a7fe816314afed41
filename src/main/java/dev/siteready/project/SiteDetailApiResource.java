package dev.siteready.project;

import dev.siteready.site.Site;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** One site over JSON with its contacts and projects. */
@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites")
@SecurityRequirement(name = "apiToken")
public class SiteDetailApiResource {

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One site with its contacts and projects")
    public SiteDetails get(@RestPath UUID id) {
        return SiteDetails.of(Site.require(id));
    }
}
