package dev.siteready.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers {@link PostgresTestResource} for every @QuarkusTest. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestDatabase {
    private TestDatabase() {
    }
}
