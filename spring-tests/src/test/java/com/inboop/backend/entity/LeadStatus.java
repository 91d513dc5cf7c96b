package com.inboop.backend.entity;

/** The backend's lead statuses, the deprecated ones included, stored by name in leads.status. */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, NEGOTIATING, CONVERTED, CLOSED, LOST, SPAM
}
