package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** A project's test plan in the current workspace. */
@ApplicationScoped
class TestPlans {

    @Inject
    TenantContext tenant;

    /** The project's plan, only if the project belongs to that site and this workspace; otherwise 404. */
    public TestPlan require(UUID siteId, UUID projectId) {
        return of(Project.require(siteId, projectId));
    }

    public TestPlan of(Project project) {
        return TestPlan.load(tenant.requireWorkspaceId(), project);
    }
}
