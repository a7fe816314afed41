package dev.siteready.account;

import dev.siteready.database.ConstraintViolations;
import dev.siteready.tenant.WorkspaceOwned;
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
