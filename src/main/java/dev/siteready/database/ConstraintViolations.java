package dev.siteready.database;

import org.hibernate.exception.ConstraintViolationException;

/** Which database constraint refused a change, found anywhere in an exception's causes. */
public final class ConstraintViolations {

    private ConstraintViolations() {
    }

    /** Whether any constraint (unique, foreign key, check, trigger check) refused the change. */
    public static boolean any(Throwable e) {
        return find(e) != null;
    }

    /** Whether the named constraint (e.g. a unique index) refused the change. */
    public static boolean is(Throwable e, String constraint) {
        ConstraintViolationException found = find(e);
        return found != null && constraint.equals(found.getConstraintName());
    }

    private static ConstraintViolationException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c) {
                return c;
            }
        }
        return null;
    }
}
