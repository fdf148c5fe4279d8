package com.hirepilot.app.candidate;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface CandidateNotes extends ListCrudRepository<CandidateNote, String> {

  List<CandidateNote> findByCandidateIdOrderByCreatedAtDescIdDesc(String candidateId);
}
