package com.hirepilot.app.candidate;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Attachments extends ListCrudRepository<Attachment, String> {

  List<Attachment> findByCandidateIdOrderByCreatedAt(String candidateId);

  List<Attachment> findByCandidateIdOrderByCreatedAtDescAttachmentVersionDesc(String candidateId);

  Optional<Attachment> findByIdAndWorkspaceId(String id, String workspaceId);

  @Query(
      """
      select coalesce(max(attachment_version), 0) from attachment
      where candidate_id = :candidateId and kind = :kind
      """)
  int latestVersion(String candidateId, String kind);
}
