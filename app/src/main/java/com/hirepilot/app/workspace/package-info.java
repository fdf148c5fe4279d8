/**
 * Workspaces (one recruiting agency each) and their recruiters, including how a recruiter's API
 * token authenticates requests to the recruiter API.
 */
package com.hirepilot.app.workspace;
