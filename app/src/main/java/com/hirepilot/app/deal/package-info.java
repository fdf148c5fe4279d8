/**
 * Deals: the business opportunity a job belongs to. A client's decision on a submission moves the
 * connected deal's stage.
 */
package com.hirepilot.app.deal;
