/**
 * The runtime around the features: settings, the embedded or external Temporal connection, the
 * clock, ID generation, error answers, demo data.
 */
package com.hirepilot.app.system;
