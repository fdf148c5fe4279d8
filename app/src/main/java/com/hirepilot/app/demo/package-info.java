/**
 * Demo data for the embedded runtime: on an empty database, a workspace, a job with a client
 * collaborator, candidates with resumes and one submission, so a new user can take the tour.
 */
package com.hirepilot.app.demo;
