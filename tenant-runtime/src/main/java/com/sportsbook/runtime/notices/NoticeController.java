package com.sportsbook.runtime.notices;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class NoticeController {

    private final NoticeBoard board;

    NoticeController(NoticeBoard board) {
        this.board = board;
    }

    record PublishNotice(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String body) {
    }

    @PostMapping("/api/v1/backoffice/notices")
    @Operation(summary = "Publish a notice on the brand's skin (staff)")
    ResponseEntity<NoticeBoard.NoticeView> publish(@Valid @RequestBody PublishNotice request) {
        NoticeBoard.NoticeView notice = board.publish(request.title(), request.body());
        return ResponseEntity.created(URI.create("/api/v1/notices/" + notice.id())).body(notice);
    }

    @GetMapping("/api/v1/notices")
    @Operation(summary = "The brand's latest notices, newest first")
    List<NoticeBoard.NoticeView> latest(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return board.latest(limit);
    }

    @GetMapping("/api/v1/notices/{id}")
    @Operation(summary = "One notice of the brand")
    ResponseEntity<?> one(@PathVariable UUID id) {
        return board.find(id)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no such notice."));
    }
}
