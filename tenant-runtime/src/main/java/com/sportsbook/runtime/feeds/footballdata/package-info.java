/** The real Premier League seasons (football-data.co.uk CSVs, bundled) read and replayed as a feed. */
@org.springframework.modulith.NamedInterface("footballdata")
package com.sportsbook.runtime.feeds.footballdata;
