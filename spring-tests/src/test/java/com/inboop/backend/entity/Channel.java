package com.inboop.backend.entity;

/** The backend's channels, stored by name (MESSENGER is the domain's FACEBOOK). */
public enum Channel {
    INSTAGRAM, WHATSAPP, MESSENGER
}
