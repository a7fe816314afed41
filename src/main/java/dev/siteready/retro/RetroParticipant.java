package dev.siteready.retro;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Someone who took part in a retrospective, and for which side. */
@Entity
@Table(name = "retro_participant")
public class RetroParticipant extends WorkspaceOwned {

    public enum Side {
        VENDOR("Vendor"),
        HEALTH_SYSTEM("Health system"),
        INTEGRATION_PLATFORM("Integration platform");

        public final String label;

        Side(String label) {
            this.label = label;
        }

        public static Side parse(String value) {
            for (Side s : values()) {
                if (s.name().equals(value)) {
                    return s;
                }
            }
            return null;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "retrospective_id", nullable = false, updatable = false)
    public Retrospective retrospective;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false, length = 120)
    public String role = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Side side;

    @Column(name = "added_at", nullable = false, updatable = false)
    public OffsetDateTime addedAt = AppClock.now();

    static RetroParticipant add(Retrospective retro, String name, String role, Side side) {
        RetroParticipant participant = new RetroParticipant();
        participant.retrospective = retro;
        participant.name = name;
        participant.role = role;
        participant.side = side;
        participant.persist();
        return participant;
    }

    public static RetroParticipant findIn(Retrospective retro, UUID id) {
        return find("id = ?1 and retrospective = ?2", id, retro).firstResult();
    }

    public static List<RetroParticipant> listFor(Retrospective retro) {
        return list("retrospective = ?1 order by addedAt, id", retro);
    }
}
