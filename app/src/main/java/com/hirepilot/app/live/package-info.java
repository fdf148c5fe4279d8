/**
 * Live events across instances: on PostgreSQL, the activity and submission events one instance
 * publishes reach the event streams open on every other instance, through LISTEN/NOTIFY. The
 * embedded default is one instance, and its events stay in its own process.
 */
package com.hirepilot.app.live;
