package dev.siteready.database;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DatabaseStartupCheckTest {

    @Inject
    DatabaseStartupCheck check;

    @Test
    void requestsRunAsTheNonOwnerApplicationRole() {
        DatabaseStartupCheck.RoleCheck result = check.checkServingRole();
        assertThat(result.safe()).as(result.problem()).isTrue();
        assertThat(result.currentUser()).isEqualTo("siteready_app");
        assertThat(result.sessionUser()).isNotEqualTo(result.currentUser());
    }

    @Test
    void refusesRolesThatCouldBypassRowLevelSecurity() {
        var safe = DatabaseStartupCheck.judge(new DatabaseStartupCheck.ConnectionRoles("siteready_app", "siteready", false, false), "siteready_app");
        assertThat(safe.safe()).isTrue();

        var superuserRequests = DatabaseStartupCheck.judge(new DatabaseStartupCheck.ConnectionRoles("postgres", "postgres", true, true), "siteready_app");
        assertThat(superuserRequests.safe()).isFalse();
        assertThat(superuserRequests.problem()).contains("superuser or has BYPASSRLS").contains("postgres");

        var superuserLogin = DatabaseStartupCheck.judge(new DatabaseStartupCheck.ConnectionRoles("siteready_app", "postgres", false, true), "siteready_app");
        assertThat(superuserLogin.safe()).isFalse();
        assertThat(superuserLogin.problem()).contains("login role postgres");

        var wrongRole = DatabaseStartupCheck.judge(new DatabaseStartupCheck.ConnectionRoles("siteready", "siteready", false, false), "siteready_app");
        assertThat(wrongRole.safe()).isFalse();
        assertThat(wrongRole.problem()).contains("instead of the application role siteready_app");
    }

    @Test
    void credentialsAreNotLogged() {
        assertThat(DatabaseStartupCheck.withoutCredentials("jdbc:postgresql://db:5432/siteready?password=secret&user=x"))
                .isEqualTo("jdbc:postgresql://db:5432/siteready");
    }
}
