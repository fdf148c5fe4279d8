/**
 * Rate limits: how often one address may ask for a sign-in link, one IP may ask for links or sign
 * in, one client may comment. Token buckets from Bucket4j, kept in a {@code ProxyManager}: in
 * memory on the embedded default (one instance), in PostgreSQL (Bucket4j's store, table {@code
 * rate_limit_bucket}) when several instances share the load.
 */
package com.hirepilot.app.throttle;
