package com.hirepilot.app.job;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Collaborators extends ListCrudRepository<Collaborator, String> {

  List<Collaborator> findByJobIdOrderByCreatedAt(String jobId);

  List<Collaborator> findByJobIdAndStatus(String jobId, Collaborator.Status status);

  Optional<Collaborator> findByJobIdAndEmail(String jobId, String email);

  Optional<Collaborator> findByIdAndJobId(String id, String jobId);

  List<Collaborator> findByWorkspaceIdAndEmailOrderByCreatedAt(String workspaceId, String email);

  List<Collaborator> findByWorkspaceIdAndStatusAndEmailIn(
      String workspaceId, Collaborator.Status status, java.util.Collection<String> emails);

  List<Collaborator> findByEmailAndStatusOrderByCreatedAtDesc(
      String email, Collaborator.Status status);
}
