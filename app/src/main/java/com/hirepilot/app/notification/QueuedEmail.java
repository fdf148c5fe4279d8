package com.hirepilot.app.notification;

/** A recorded email as an attempt finds it. */
public record QueuedEmail(
    String deliveryId, EmailDelivery.Status status, EmailRecipe recipe, String messageId) {}
