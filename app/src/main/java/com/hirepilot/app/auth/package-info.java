/**
 * How people get in: clients by single-use magic links (Spring Security's one-time-token login with
 * this project's own token store), recruiters by API token. Also the HTTP security rules.
 */
package com.hirepilot.app.auth;
