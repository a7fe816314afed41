package dev.siteready.web;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A page that exists only in the tests' app: one statement that takes 250 ms, for {@link RequestLogTest}. */
@Path("/test-only/slow-statement/{id}")
public class SlowStatementForTest {

    @GET
    @Transactional
    @Produces(MediaType.TEXT_PLAIN)
    public String slow() {
        Panache.getEntityManager().createNativeQuery("SELECT pg_sleep(0.25)").getSingleResult();
        return "slept";
    }
}
