package com.hirepilot.app.candidate;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CandidateNotes extends ListCrudRepository<CandidateNote, String> {

  @Query(
      "select * from candidate_note where candidate_id = :candidateId order by created_at desc, id desc")
  List<CandidateNote> findByCandidateIdOrderByCreatedAtDescIdDesc(String candidateId);
}
