package dev.siteready.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

import java.util.UUID;

/**
 * Base of every tenant-owned entity: Hibernate fills and filters {@code workspace_id} from the current
 * workspace ({@link WorkspaceTenantResolver}); PostgreSQL enforces the same with row level security.
 */
@MappedSuperclass
public abstract class WorkspaceOwned extends PanacheEntityBase {

    @Id
    @GeneratedValue
    @UuidGenerator
    public UUID id;

    /**
     * Held as text because Quarkus hands Hibernate the tenant id as a String; the column is a uuid.
     * Set by Hibernate on insert, never by application code.
     */
    @TenantId
    @Convert(converter = UuidTextConverter.class)
    @Column(name = "workspace_id", nullable = false, updatable = false)
    public String workspaceId;

    @Version
    public Long version;

    /**
     * Reads the row again and locks it until the transaction ends. A save compares its form's version with the one
     * read here, so a concurrent save either finished before (its version is seen: a conflict with the input kept)
     * or waits for this one; it can no longer pass the same check at the same moment and fail at commit.
     */
    public void lockFresh() {
        getEntityManager().refresh(this, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * What {@link #claimName} runs: a lock held until the transaction ends, on one name of one kind in the current
     * workspace. Public so that a test can play "another request saving the same name".
     */
    public static final String NAME_CLAIM = "SELECT count(*) FROM pg_advisory_xact_lock(hashtext("
            + "'name:' || current_setting('app.workspace_id', true) || ':' || ? || ':' || ?))";

    /**
     * Claims a unique name (its comparison key: normalised, lower case) until the transaction ends, before checking
     * whether it is taken. Two requests saving the same name then run their check-and-insert one after the other on
     * every node: the second sees the first's row and answers with its ordinary "exists already" and the user's
     * input, instead of both passing the check and the second failing at the unique index.
     */
    public static void claimName(String kind, String key) {
        io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery(NAME_CLAIM)
                .setParameter(1, kind).setParameter(2, key).getSingleResult();
    }
}
