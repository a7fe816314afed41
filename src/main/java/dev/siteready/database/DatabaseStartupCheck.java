package dev.siteready.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Says which database SiteReady uses, and refuses to start when the connection that serves requests
 * could get around row level security: a superuser or BYPASSRLS role, either as the role queries run as
 * or as the login role it could switch back to.
 */
@ApplicationScoped
public class DatabaseStartupCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseStartupCheck.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "siteready.db.description")
    Optional<String> description;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "siteready.db.app-role")
    String appRole;

    void onStart(@Observes StartupEvent event) {
        LOG.info("Database: " + description.orElse("external PostgreSQL at " + withoutCredentials(url)
                + " (no embedded server started)"));
        RoleCheck check = checkServingRole();
        if (!check.safe()) {
            throw new IllegalStateException(check.problem());
        }
        LOG.infof("Requests run as role %s (login role %s): no superuser, no BYPASSRLS", check.currentUser(),
                check.sessionUser());
        if (!check.sessionUser().equals(check.currentUser())) {
            LOG.info("Requests log in as the owner and switch roles. For defence in depth against injected SQL, let"
                    + " them log in as their own role: see SITEREADY_DB_APP_USER in README.md.");
        }
    }

    public record RoleCheck(String currentUser, String sessionUser, boolean safe, String problem) {
    }

    /** What a pooled connection is: the role queries run as, and the login role it could switch back to. */
    public record ConnectionRoles(String currentUser, String sessionUser, boolean currentBypassesRls,
            boolean sessionBypassesRls) {
    }

    /** Inspects a pooled connection and judges it. */
    public RoleCheck checkServingRole() {
        String sql = """
                SELECT current_user, session_user,
                       cu.rolsuper OR cu.rolbypassrls, su.rolsuper OR su.rolbypassrls
                FROM pg_roles cu, pg_roles su
                WHERE cu.rolname = current_user AND su.rolname = session_user
                """;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return judge(new ConnectionRoles(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)), appRole);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the database role: " + e.getMessage(), e);
        }
    }

    /** Whether requests on such a connection are held by row level security, and if not, what to do. */
    static RoleCheck judge(ConnectionRoles roles, String appRole) {
        String current = roles.currentUser();
        String session = roles.sessionUser();
        if (roles.currentBypassesRls()) {
            return new RoleCheck(current, session, false, "Refusing to start: requests would run as database role "
                    + current + ", which is a superuser or has BYPASSRLS, so row level security would not isolate"
                    + " workspaces. Use the role " + appRole + " (created by the migrations) without those rights.");
        }
        if (roles.sessionBypassesRls()) {
            return new RoleCheck(current, session, false, "Refusing to start: the database login role " + session
                    + " is a superuser or has BYPASSRLS. Configure an owner role without them, e.g."
                    + " CREATE ROLE siteready LOGIN CREATEROLE PASSWORD '...'; CREATE DATABASE siteready OWNER siteready;");
        }
        if (!current.equals(appRole)) {
            return new RoleCheck(current, session, false, "Refusing to start: requests run as " + current
                    + " instead of the application role " + appRole + ".");
        }
        return new RoleCheck(current, session, true, null);
    }

    static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
