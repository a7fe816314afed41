-- Server-side session revocation. The encrypted session cookie carries the member's session generation from the
-- moment it was issued; the member row loaded on every request must still have that generation. Sign-out, a
-- password change and a role change increment it, so every cookie issued before ends at its next request, on every
-- app node (the number lives here, not in a node's memory). Removing the member deletes the row, which ends them too.
ALTER TABLE member ADD COLUMN session_generation bigint NOT NULL DEFAULT 0;
