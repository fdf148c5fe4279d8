/**
 * Candidates and their attachments (resumes, cover letters). Internal notes and contact details
 * live here and never leave through the portal.
 */
package com.hirepilot.app.candidate;
