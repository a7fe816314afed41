package dev.siteready.database;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Whether the current request has already committed a change. A request that committed a first transaction and then
 * lost the database in a second one has saved part of what it was sent for: its 503 must not say that nothing was
 * saved. Kept in the request's Vert.x context, so it is the request's alone.
 */
public final class RequestCommits {

    private static final String KEY = "siteready.committed";

    private RequestCommits() {
    }

    /** Notes that a transaction (or an autocommit write) of this request committed. */
    public static void mark() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(KEY, Boolean.TRUE);
        }
    }

    public static boolean any() {
        Context context = Vertx.currentContext();
        return context != null && VertxContext.isDuplicatedContext(context) && Boolean.TRUE.equals(context.getLocal(KEY));
    }
}
