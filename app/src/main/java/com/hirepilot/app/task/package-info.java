/**
 * Recruiter tasks: follow-ups an automation rule gives the submitting recruiter ({@code
 * CREATE_TASK}), listed on the recruiter's home and ticked off there or through the API.
 */
package com.hirepilot.app.task;
