package org.gitterjakarta.mail.entity;

/** A person's email address and whether they have verified it (only verified ones get mail). */
public record EmailAddress(String address, boolean verified) {}
