/**
 * Rate limits: how often one address may ask for a sign-in link, one IP may ask for links or sign
 * in, one client may comment. Token buckets from Bucket4j, kept in a {@code ProxyManager}: in
 * memory for one node, swappable for Bucket4j's JDBC/PostgreSQL store when several nodes share the
 * load.
 */
package com.hirepilot.app.throttle;
