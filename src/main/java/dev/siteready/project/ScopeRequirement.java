package dev.siteready.project;

import dev.siteready.catalog.DataModel;
import dev.siteready.catalog.DataModelField;
import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * Something the product needs from the site: a required field, a patient or provider identifier type
 * (HL7 0203 code), or a code system for a data model (HL7 0396 code).
 */
@Entity
public class ScopeRequirement extends WorkspaceOwned {

    public enum Kind { FIELD, PATIENT_ID, PROVIDER_ID, CODE_SYSTEM }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Kind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "data_model_id")
    public DataModel model;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "field_id")
    public DataModelField field;

    @Column(length = 20)
    public String code;
}
