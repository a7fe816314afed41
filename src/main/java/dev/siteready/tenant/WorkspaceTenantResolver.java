package dev.siteready.tenant;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives Hibernate the workspace for its {@code @TenantId} filter. Without a workspace it answers a
 * workspace that cannot exist, so queries on tenant entities find nothing and inserts are refused by RLS.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class WorkspaceTenantResolver implements TenantResolver {

    static final String NO_WORKSPACE = "00000000-0000-0000-0000-000000000000";

    @Override
    public String getDefaultTenantId() {
        return NO_WORKSPACE;
    }

    @Override
    public String resolveTenantId() {
        return TenantContext.current().map(Object::toString).orElse(NO_WORKSPACE);
    }
}
