/** A recorded feed as JSON lines: for tests, incident replays and feeds pushed over HTTP. */
@org.springframework.modulith.NamedInterface("jsonl")
package com.sportsbook.runtime.feeds.jsonl;
