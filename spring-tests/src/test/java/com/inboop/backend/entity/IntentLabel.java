package com.inboop.backend.entity;

/** The backend's intent labels, stored by name in conversations.intent_label. */
public enum IntentLabel {
    BUYING, SUPPORT, BROWSING, SPAM, OTHER
}
