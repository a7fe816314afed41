package dev.siteready.account;

import dev.siteready.database.ConstraintViolations;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;
import java.util.List;

/** A person who signs in to one workspace. The e-mail is unique across SiteReady (it is the sign-in name). */
@Entity
public class Member extends WorkspaceOwned {

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "display_name", nullable = false, length = 120)
    public String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MemberRole role;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    /** Carried in the session cookie; a cookie of an older generation is no session (see MemberSessions). */
    @Column(name = "session_generation", nullable = false)
    public long sessionGeneration;

    /** A new role, effective at once: the member's sessions end and they sign in again with it. */
    public void changeRole(MemberRole newRole) {
        if (role == newRole) {
            return;
        }
        role = newRole;
        sessionGeneration++;
    }

    /** A new password (already hashed): every session issued before ends. */
    public void changePassword(String newHash) {
        passwordHash = newHash;
        sessionGeneration++;
    }

    /**
     * Ends every session of the member (sign-out ends them on all devices). One statement that leaves the row's
     * version alone, so an owner's open role form for this member does not turn stale.
     */
    public static void endSessions(java.util.UUID memberId) {
        update("sessionGeneration = sessionGeneration + 1 where id = ?1", memberId);
    }

    /** A member as lists of the team show it. */
    public record Teammate(String name, MemberRole role) {
    }

    /** Every member's name and role, by name, in one plain SQL statement (the home page shows them on every view). */
    public static List<Teammate> team() {
        return WorkspaceSql.rows(WorkspaceSql.query("SELECT m.display_name, m.role FROM member m WHERE m.workspace_id = :ws"
                + " ORDER BY lower(m.display_name), m.id")).stream()
                .map(r -> new Teammate((String) r[0], MemberRole.valueOf((String) r[1]))).toList();
    }

    public static List<Member> listByName() {
        return list("order by lower(displayName), id");
    }

    /** Whether a failed insert was refused because the e-mail already has an account (unique index). */
    public static boolean isEmailConflict(Throwable e) {
        return ConstraintViolations.is(e, "member_email_key");
    }

    public static long countOwners() {
        return count("role", MemberRole.OWNER);
    }
}
