package dev.siteready.tenant;

import java.util.UUID;

/**
 * Fired inside the transaction that creates a workspace, after the workspace and its owner exist, so
 * features can give a new workspace its starting content (the built-in catalog, default templates).
 */
public record WorkspaceCreated(UUID workspaceId) {
}
