package com.hirepilot.app.candidate;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Attachments extends ListCrudRepository<Attachment, String> {

  @Query("select * from attachment where candidate_id = :candidateId order by created_at")
  List<Attachment> findByCandidateIdOrderByCreatedAt(String candidateId);

  @Query(
      "select * from attachment where candidate_id = :candidateId order by created_at desc, attachment_version desc")
  List<Attachment> findByCandidateIdOrderByCreatedAtDescAttachmentVersionDesc(String candidateId);

  @Query("select * from attachment where id = :id and workspace_id = :workspaceId")
  Optional<Attachment> findByIdAndWorkspaceId(String id, String workspaceId);

  @Query(
      """
      select coalesce(max(attachment_version), 0) from attachment
      where candidate_id = :candidateId and kind = :kind
      """)
  int latestVersion(String candidateId, String kind);
}
