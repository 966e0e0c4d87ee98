/**
 * Machine-readable exports, one format for every module that writes one (the void report, the suspicious-activity
 * report, the regulator reports): CSV per RFC 4180 (CRLF line ends, a field quoted when it holds a comma, a quote
 * or a line break, quotes doubled), a header line naming the columns, and a report with no rows answered by the one
 * line {@code No activity} instead (no header: a reader sees at once that the period was empty, not that a file was
 * cut). Plain Java plus the HTTP attachment answer; no state, no storage.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.sportsbook.runtime.exports;
