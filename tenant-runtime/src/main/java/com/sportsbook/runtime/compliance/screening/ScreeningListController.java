package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.compliance.screening.core.ListSource;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's list versions (internal: the service token): read them, and load a newer publication of a list in
 * its official format (the body is the file: UN XML, OFAC SDN CSV, the PEP list in the {@code PepCsv} format), or,
 * for the PEP list, without a body: what its configured source offers now. Loading re-screens every player of every active
 * tenant before it answers, with the counts. Only this replica loads it; run the call against each replica (or share
 * {@code runtime.compliance.screening.list-directory} and restart) when there are several.
 */
@RestController
class ScreeningListController {

    static final int MAX_LIST_BYTES = 64 * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");

    private final ScreeningLists lists;
    private final Rescreening rescreening;

    ScreeningListController(ScreeningLists lists, Rescreening rescreening) {
        this.lists = lists;
        this.rescreening = rescreening;
    }

    record Loaded(ScreeningLists.ListVersion version, Rescreening.Report rescreening) {
    }

    @GetMapping("/internal/v1/screening/lists")
    @Operation(summary = "The screening list versions (UN, OFAC, PEP) screened against now (platform-wide)")
    List<ScreeningLists.ListVersion> versions() {
        return lists.versions();
    }

    @PostMapping(path = "/internal/v1/screening/lists/{source}", consumes = "*/*")
    @Operation(summary = "Load a newer version of a list (un: consolidated XML, ofac: SDN CSV, pep: the PEP CSV format, or no"
            + " body to reload the configured PEP source) and re-screen every player")
    ResponseEntity<?> load(@PathVariable String source, @RequestParam(required = false) String name,
            @RequestParam(required = false, defaultValue = "false") boolean force,
            @RequestBody(required = false) byte[] content) {
        Optional<ListSource> list = ListSource.fromWireName(source);
        if (list.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, "unknown_list_source", "Lists are un, ofac and pep, not " + source + ".");
        }
        if (list.get() == ListSource.PEP && (content == null || content.length == 0)) {
            return answer(lists.reloadPep(force));
        }
        if (name == null || !NAME.matcher(name).matches()) {
            return Problems.invalidField("Name the version (the publication's file name).", "name",
                    "1 to 120 letters, digits, dots, dashes or underscores");
        }
        if (content == null || content.length == 0) {
            return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "list_unreadable", "Send the list file as the body.");
        }
        if (content.length > MAX_LIST_BYTES) {
            return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "list_too_large",
                    "A list file is at most " + MAX_LIST_BYTES / (1024 * 1024) + " MB.");
        }
        return answer(lists.load(list.get(), name, content, force));
    }

    private ResponseEntity<?> answer(ScreeningLists.LoadOutcome outcome) {
        return switch (outcome) {
            case ScreeningLists.LoadOutcome.Refused refused ->
                    Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, refused.code(), refused.detail());
            case ScreeningLists.LoadOutcome.Loaded loaded -> ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Loaded(loaded.version(), rescreening.everyActiveTenant(loaded.version())));
        };
    }
}
