package com.hirepilot.app.notification;

import com.hirepilot.app.workspace.CurrentRecruiter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recruiter API: the in-app notifications of the calling recruiter. */
@RestController
class NotificationController {

  private final RecruiterInbox inbox;
  private final Clock clock;

  NotificationController(RecruiterInbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  record ReadRequest(@NotNull @Size(max = 200) List<@NotNull @Size(max = 40) String> ids) {}

  record ReadResult(int marked) {}

  @GetMapping("/api/notifications")
  List<RecruiterInbox.Notification> list() {
    return inbox.of(CurrentRecruiter.get().recruiterId(), 100);
  }

  @PostMapping("/api/notifications/read")
  ReadResult markRead(@Valid @RequestBody ReadRequest body) {
    return new ReadResult(
        inbox.markRead(CurrentRecruiter.get().recruiterId(), body.ids(), clock.instant()));
  }
}
