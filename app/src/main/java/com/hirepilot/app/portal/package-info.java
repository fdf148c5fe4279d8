/**
 * The Client Portal: pages and JSON for a signed-in client collaborator. Everything a client sees
 * is built here from view records that carry client-visible fields only; a job the client does not
 * collaborate on, and everything in it, answers 404.
 */
package com.hirepilot.app.portal;
