/**
 * Where uploaded files (resumes, attachments) are kept: the data dir's folder for the embedded
 * default, the shared database on PostgreSQL, or an S3-compatible object store. Every instance
 * reads what any instance stored. The features name files by the server-generated name they keep in
 * their own rows; this package knows nothing of them.
 */
package com.hirepilot.app.files;
