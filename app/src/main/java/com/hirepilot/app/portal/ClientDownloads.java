package com.hirepilot.app.portal;

import com.hirepilot.app.candidate.Attachment;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.job.Collaborator;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.ClientVisibleSubmissions;
import com.hirepilot.app.system.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files a signed-in client may download. Checked in one read-only transaction; the bytes are
 * fetched after it, from the store, so no pooled connection waits on a download.
 */
@Service
class ClientDownloads {

  private final ClientAccess access;
  private final JobService jobs;
  private final CandidateFiles candidateFiles;
  private final ClientVisibleSubmissions submissions;

  ClientDownloads(
      ClientAccess access,
      JobService jobs,
      CandidateFiles candidateFiles,
      ClientVisibleSubmissions submissions) {
    this.access = access;
    this.jobs = jobs;
    this.candidateFiles = candidateFiles;
    this.submissions = submissions;
  }

  /**
   * A file the client may download: a public attachment shown with a submission they can see. Any
   * other file, a private one, another job's, a withdrawn candidate's, is as good as unknown.
   */
  @Transactional(readOnly = true)
  public PortalViews.FileToSend file(String attachmentId) {
    Collaborator me = access.signedIn();
    Attachment file =
        candidateFiles.publicFiles(List.of(attachmentId)).stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Attachment"));
    boolean shownToMe =
        submissions.jobsShowingFile(file.id()).stream()
            .anyMatch(jobId -> jobs.jobOpenTo(me, jobId).isPresent());
    if (!shownToMe) {
      throw new NotFoundException("Attachment");
    }
    return new PortalViews.FileToSend(
        file.filename(), file.contentType(), file.size(), file.storageName());
  }
}
