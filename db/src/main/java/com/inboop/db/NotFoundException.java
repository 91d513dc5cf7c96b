package com.inboop.db;

/**
 * The row does not exist in the caller's workspace, or it was soft-deleted. Rows of other workspaces are reported
 * the same way, so that callers cannot probe for them.
 */
public class NotFoundException extends InboopDbException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, long id, long workspaceId) {
        super(what + " " + id + " does not exist in workspace " + workspaceId + " (or was deleted)");
    }
}
