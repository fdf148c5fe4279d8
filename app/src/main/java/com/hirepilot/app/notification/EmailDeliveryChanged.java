package com.hirepilot.app.notification;

/** A delivery reached a new status (published after the change, inside its transaction). */
public record EmailDeliveryChanged(String deliveryId, EmailDelivery.Status status) {}
