/**
 * The recruiters' console: server-rendered pages behind an email-and-password session (the chain in
 * {@code auth}), built on the same services as the recruiter API. Pages refresh their live parts
 * when the workspace's activity log grows ({@link ConsoleEventStreams}).
 */
package com.hirepilot.app.console;
