/**
 * The embedded runtime's mail catcher: an in-process SMTP server and a page listing what it
 * received, so a new user can click a magic link without a real mail account. Off when {@code
 * portal.mail.embedded=false}.
 */
package com.hirepilot.app.mailbox;
